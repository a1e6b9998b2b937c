package ng.risiti.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import ng.risiti.testsupport.TestEvents;

/** Public events as their producers publish them (CloudEvents in Kafka binary mode), with data as their contracts write it. */
public final class Events {

    private Events() {
    }

    public static String invoice(UUID tenant, UUID invoiceId, String status, String amountDue, long amountDueKobo) {
        return """
                {"invoice_id":"%s","tenant_id":"%s","invoice_number":"INV-2025-001","status":"%s","customer_id":"%s",
                 "customer_name":"TechVentures Nigeria Ltd","customer_tin":"12345678-0001","currency":"NGN","issue_date":"2025-03-24",
                 "due_date":"2025-04-23","subtotal":"350000.00","subtotal_kobo":35000000,"tax_total":"26250.00","tax_total_kobo":2625000,
                 "total_amount":"376250.00","total_amount_kobo":37625000,"amount_due":"%s","amount_due_kobo":%d,
                 "irn":"INV2025001-94ND90NR-20250324","test_mode":false,"finalized_at":"2025-03-24T09:00:00Z","type":"invoice",
                 "original_invoice_id":null,"credited":"0.00","credited_kobo":0,"customer_credit_kobo":0,"wht_rate":null,
                 "wht_amount":null,"wht_amount_kobo":0}"""
                .formatted(invoiceId, tenant, status, UUID.nameUUIDFromBytes(tenant.toString().getBytes(StandardCharsets.UTF_8)), amountDue,
                        amountDueKobo);
    }

    public static String payment(UUID tenant, UUID invoiceId, UUID paymentId) {
        String invoice = invoice(tenant, invoiceId, "paid", "0.00", 0);
        return """
                {"payment_id":"%s","amount":"376250.00","amount_kobo":37625000,"payment_method":"30","method":"bank_transfer",
                 "reference":"TRF-2025-0042","payment_date":"2025-03-24","recorded_at":"2025-03-24T14:32:00Z",%s"""
                .formatted(paymentId, invoice.substring(invoice.indexOf('{') + 1));
    }

    public static String customer(UUID tenant, UUID customerId) {
        return """
                {"id":"%s","tenant_id":"%s","name":"Konga Technologies Ltd","email":"ap@konga.ng","phone":"+2348031234567",
                 "tin":"12345678-0001","created_at":"2025-03-24T08:00:00Z","updated_at":"2025-03-24T08:00:00Z","deleted_at":null,
                 "test_mode":false,"billing_address":{"street_name":"1 Marina","city_name":"Lagos","postal_zone":"101001","country":"NG"}}"""
                .formatted(customerId, tenant);
    }

    /** Publishes a live event; returns its id. */
    public static String publish(String topic, String key, String type, UUID tenant, String data) {
        return TestEvents.publish(topic, key, type, tenant, data);
    }

    /** Publishes an event with ce_mode (live or test); returns its id. */
    public static String publish(String topic, String key, String type, UUID tenant, String data, String mode) {
        return publish(topic, key, type, tenant, data, mode, null);
    }

    /** Publishes a live event as the relay does for a writer that traced: with its W3C {@code traceparent}; returns its id. */
    public static String publishInTrace(String traceParent, String topic, String key, String type, UUID tenant, String data) {
        return publish(topic, key, type, tenant, data, "live", traceParent);
    }

    private static String publish(String topic, String key, String type, UUID tenant, String data, String mode, String traceParent) {
        String id = UUID.randomUUID().toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id);
        headers.put("ce_type", type);
        headers.put("ce_source", "/risiti/test");
        headers.put("ce_time", Instant.now().toString());
        headers.put("ce_subject", key);
        headers.put("ce_tenantid", tenant.toString());
        headers.put("ce_mode", mode);
        headers.put("ce_aggregateversion", Long.toString(TestEvents.nextVersion()));
        headers.put("content-type", "application/json");
        if (traceParent != null) {
            headers.put("traceparent", traceParent);
        }
        TestEvents.publishRaw(topic, key, data, headers);
        return id;
    }
}
