package ng.risiti.webhook.deliveries.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import ng.risiti.platform.events.EventTypes;

/**
 * The body of a delivery, exactly the API reference's envelope {@code {"event","tenant_id","timestamp","data"}}, with
 * the data each event documents (docs/webhooks.md, Events) taken from the event's own data. Built once per event, so
 * every attempt and every endpoint gets the same bytes.
 */
public final class WebhookPayload {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The API reference's timestamps: UTC with milliseconds ({@code 2025-03-24T14:32:00.000Z}). */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    private static final List<String> INVOICE = List.of("invoice_id", "invoice_number", "status", "customer_id", "customer_name",
            "customer_tin", "currency", "issue_date", "due_date", "subtotal", "subtotal_kobo", "tax_total", "tax_total_kobo",
            "total_amount", "total_amount_kobo", "amount_due", "amount_due_kobo", "wht_rate", "wht_amount", "wht_amount_kobo", "irn",
            "finalized_at");
    private static final List<String> CREDIT = List.of("credited", "credited_kobo");
    private static final List<String> PAYMENT = List.of("payment_id", "amount", "amount_kobo", "method", "payment_method", "reference",
            "payment_date");
    private static final List<String> CUSTOMER = List.of("name", "email", "phone", "tin", "billing_address", "created_at");
    /** Never copied into a webhook: the tenant is in the envelope, and the world is the endpoint's own. */
    private static final List<String> INTERNAL = List.of("tenant_id", "test_mode");

    private WebhookPayload() {
    }

    public static String of(String type, UUID tenantId, OffsetDateTime occurredAt, String eventData) {
        JsonNode source;
        try {
            source = JSON.readTree(eventData);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not JSON", e);
        }
        return envelope(type, tenantId, occurredAt, data(type, source == null || !source.isObject() ? JSON.createObjectNode() : source,
                occurredAt));
    }

    /** A sample {@code webhook.test} body: an invoice.paid-shaped data block that names no real invoice. */
    public static String test(UUID tenantId, OffsetDateTime at) {
        ObjectNode data = JSON.createObjectNode();
        data.put("message", "A test event from Risiti: your endpoint is reachable and verifies signatures.");
        data.put("invoice_id", "00000000-0000-0000-0000-000000000000");
        data.put("invoice_number", "INV-TEST-0001");
        data.put("total_amount", "376250.00");
        data.put("total_amount_kobo", 37625000L);
        data.put("amount_due", "0.00");
        data.put("amount_due_kobo", 0L);
        data.put("paid_at", timestamp(at));
        return envelope("webhook.test", tenantId, at, data);
    }

    public static String timestamp(OffsetDateTime at) {
        return TIMESTAMP.format(at.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static String envelope(String type, UUID tenantId, OffsetDateTime at, ObjectNode data) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("event", type);
        envelope.put("tenant_id", tenantId.toString());
        envelope.put("timestamp", timestamp(at));
        envelope.set("data", data);
        try {
            return JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode data(String type, JsonNode source, OffsetDateTime occurredAt) {
        ObjectNode data = JSON.createObjectNode();
        switch (type) {
            case EventTypes.PAYMENT_RECEIVED -> {
                copy(source, data, PAYMENT);
                copy(source, data, INVOICE);
                copyAs(source, data, "recorded_at", "paid_at");
            }
            case EventTypes.CREDIT_NOTE_ISSUED -> {
                copyAs(source, data, "invoice_id", "credit_note_id");
                copyAs(source, data, "invoice_number", "credit_note_number");
                copyAs(source, data, "original_invoice_id", "invoice_id");
                copy(source, data, List.of("status", "customer_id", "customer_name", "currency", "issue_date", "subtotal", "subtotal_kobo",
                        "tax_total", "tax_total_kobo", "total_amount", "total_amount_kobo", "irn", "customer_credit_kobo"));
            }
            case EventTypes.CUSTOMER_CREATED -> {
                copyAs(source, data, "id", "customer_id");
                copy(source, data, CUSTOMER);
            }
            case EventTypes.INVOICE_CREATED, EventTypes.INVOICE_SENT, EventTypes.INVOICE_OVERDUE, EventTypes.INVOICE_FINALIZED,
                 EventTypes.INVOICE_VOIDED -> copy(source, data, INVOICE);
            case EventTypes.INVOICE_PAID -> {
                copy(source, data, INVOICE);
                data.put("paid_at", timestamp(occurredAt));
            }
            case EventTypes.INVOICE_CREDITED -> {
                copy(source, data, INVOICE);
                copy(source, data, CREDIT);
            }
            default -> {
                // NRS and subscription events: their producers' data as it is, less what the envelope already says
                source.fields().forEachRemaining(field -> {
                    if (!INTERNAL.contains(field.getKey())) {
                        data.set(field.getKey(), field.getValue());
                    }
                });
            }
        }
        return data;
    }

    private static void copy(JsonNode source, ObjectNode target, List<String> fields) {
        fields.forEach(field -> copyAs(source, target, field, field));
    }

    private static void copyAs(JsonNode source, ObjectNode target, String from, String to) {
        if (source.has(from)) {
            target.set(to, source.get(from));
        }
    }
}
