package ng.risiti.webhook.endpoints.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import ng.risiti.platform.events.EventTypes;

/**
 * The events an endpoint may subscribe to (docs/webhooks.md): the API reference's ten, then the ones this platform adds
 * because integrators need them (finalize, void, a credit note's effect on its invoice, a failed NRS submission).
 * Events only replicas need ({@code invoice.updated}, {@code customer.updated} ...) are not webhook events.
 */
public final class WebhookEvents {

    /** Subscribes to every event, including ones added later. */
    public static final String ALL = "*";
    /** Sent by {@code POST /webhooks/{id}/test} only, whatever the endpoint subscribes to. */
    public static final String TEST = "webhook.test";

    /** In the API reference's order, then ours. */
    public static final List<String> SUBSCRIBABLE = List.of(
            EventTypes.INVOICE_CREATED, EventTypes.INVOICE_SENT, EventTypes.INVOICE_PAID, EventTypes.INVOICE_OVERDUE,
            EventTypes.INVOICE_FIRS_SUBMITTED, EventTypes.PAYMENT_RECEIVED, EventTypes.SUBSCRIPTION_UPGRADED,
            EventTypes.SUBSCRIPTION_PAYMENT_FAILED, EventTypes.CUSTOMER_CREATED, EventTypes.CREDIT_NOTE_ISSUED,
            EventTypes.INVOICE_FINALIZED, EventTypes.INVOICE_VOIDED, EventTypes.INVOICE_CREDITED,
            EventTypes.INVOICE_FIRS_SUBMISSION_FAILED);

    private static final Set<String> KNOWN = Set.copyOf(SUBSCRIBABLE);

    private WebhookEvents() {
    }

    public static boolean isWebhookEvent(String type) {
        return KNOWN.contains(type);
    }

    /**
     * The subscription as stored: {@code ["*"]}, or the named events once each in the order given. Returns the first
     * bad entry's message instead through {@code problem} (null when fine).
     */
    public static Parsed parse(List<String> events) {
        if (events == null || events.isEmpty()) {
            return Parsed.problem("events must name at least one event, or be [\"*\"]");
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < events.size(); i++) {
            String name = events.get(i) == null ? null : events.get(i).trim();
            if (name == null || name.isEmpty()) {
                return Parsed.problem("events." + i + " must be an event name");
            }
            if (name.equals(ALL)) {
                if (events.size() > 1) {
                    return Parsed.problem("\"*\" subscribes to every event and cannot be combined with others");
                }
            } else if (!KNOWN.contains(name)) {
                return Parsed.problem("unknown event '" + name + "'; known events: " + String.join(", ", SUBSCRIBABLE) + ", or \"*\"");
            }
            names.add(name);
        }
        return new Parsed(List.copyOf(names), null);
    }

    public record Parsed(List<String> events, String problem) {
        static Parsed problem(String message) {
            return new Parsed(null, message);
        }
    }
}
