package ng.risiti.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a received webhook the way integrators do, independently of the service's code: the API reference's
 * {@code X-Risiti-Signature} recipe with javax.crypto (as docs/webhooks.md's Java snippet), and the Standard Webhooks
 * headers with the standardwebhooks reference library.
 */
public final class Signed {

    private Signed() {
    }

    /** docs/webhooks.md, "Java": hex HMAC-SHA256 of the raw body, the secret's bytes as the key, compared in constant time. */
    public static boolean risitiSignatureValid(String rawBody, String signatureHeader, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal(rawBody.getBytes(StandardCharsets.UTF_8));
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signatureHeader);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return java.security.MessageDigest.isEqual(expected, given);
    }

    /** Both schemes verify for this request and this secret (and fail for another secret). */
    public static void assertVerifies(WebhookReceiver.Received request, String secret) throws Exception {
        assertThat(risitiSignatureValid(request.body(), request.header("X-Risiti-Signature"), secret))
                .as("X-Risiti-Signature of %s", request.body()).isTrue();
        assertThat(risitiSignatureValid(request.body(), request.header("X-Risiti-Signature"), secret + "0")).isFalse();
        Map<String, List<String>> headers = Map.of("webhook-id", List.of(request.header("webhook-id")),
                "webhook-timestamp", List.of(request.header("webhook-timestamp")),
                "webhook-signature", List.of(request.header("webhook-signature")));
        // the library takes the raw key bytes; docs/webhooks.md says the same for its whsec_ form
        new Webhook(secret.getBytes(StandardCharsets.UTF_8)).verify(request.body(), headers);
        new Webhook("whsec_" + java.util.Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8))).verify(request.body(), headers);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Webhook(("x" + secret).getBytes(StandardCharsets.UTF_8))
                .verify(request.body(), headers)).isInstanceOf(com.standardwebhooks.exceptions.WebhookVerificationException.class);
    }
}
