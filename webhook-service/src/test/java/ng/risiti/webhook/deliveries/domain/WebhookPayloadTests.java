package ng.risiti.webhook.deliveries.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookPayloadTests {

    @Test
    void theEnvelopeIsTheApiReferencesFieldsInItsOrderWithMillisecondUtcTimestamps() {
        UUID tenant = UUID.fromString("01954abc-1234-5678-9abc-def012345678");
        String body = WebhookPayload.of("invoice.paid", tenant, OffsetDateTime.parse("2025-03-24T15:32:00+01:00"), """
                {"invoice_id":"019547a2-3b1c-7d8e-9f0a-1b2c3d4e5f6a","tenant_id":"%s","invoice_number":"INV-2025-001",
                 "total_amount":"376250.00","amount_due":"0.00","test_mode":false,"internal_only":"x"}""".formatted(tenant));
        assertThat(body).isEqualTo("{\"event\":\"invoice.paid\",\"tenant_id\":\"01954abc-1234-5678-9abc-def012345678\","
                + "\"timestamp\":\"2025-03-24T14:32:00.000Z\",\"data\":{\"invoice_id\":\"019547a2-3b1c-7d8e-9f0a-1b2c3d4e5f6a\","
                + "\"invoice_number\":\"INV-2025-001\",\"total_amount\":\"376250.00\",\"amount_due\":\"0.00\","
                + "\"paid_at\":\"2025-03-24T14:32:00.000Z\"}}");
    }

    @Test
    void theSignaturesMatchWhatOpensslComputesFromTheRecipes() {
        String secret = "whs_a3f9c2d1e8b74f6a952c1d0e3f7a8b9c";
        // printf '%s' '{"a":1}' | openssl dgst -sha256 -hmac "$secret"
        assertThat(Signatures.risiti(secret, "{\"a\":1}")).isEqualTo("877b29f850b8247bf8746c33b93e52a09f663daa26e3a72a43b7e37896ba4a96");
        // printf '%s' 'msg_1.1700000000.{"a":1}' | openssl dgst -sha256 -hmac "$secret" -binary | base64
        assertThat(Signatures.standard(secret, "msg_1", 1700000000L, "{\"a\":1}")).isEqualTo("v1,K1dN82hHvKv4TkBPmlbFLdvKc0hlUZ2VRuUZu4NN0Q8=");
    }
}
