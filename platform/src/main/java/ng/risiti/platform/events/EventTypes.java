package ng.risiti.platform.events;

/** CloudEvents {@code type} values. The webhook event names (docs/specification.md, Webhooks) are the same strings. */
public final class EventTypes {

    public static final String TENANT_CREATED = "tenant.created";
    public static final String TENANT_UPDATED = "tenant.updated";
    public static final String USER_CREATED = "user.created";
    public static final String USER_UPDATED = "user.updated";
    public static final String USER_REMOVED = "user.removed";
    public static final String API_KEY_STATE = "api_key.state";
    /** Per key and service replica and flush window: how often the key was accepted (risiti.api-usage.v1). */
    public static final String API_KEY_USED = "api_key.used";
    /** Per tenant, key, minute and service replica: calls accepted, through the outbox so billing can charge them (risiti.api-usage.v1). */
    public static final String API_CALLS_METERED = "api_calls.metered";
    /** A tenant's plan, limits, calls today and credit state in one world (risiti.entitlements.v1, compacted). */
    public static final String ENTITLEMENTS_UPDATED = "entitlements.updated";
    public static final String SESSION_REVOKED = "session.revoked";
    public static final String DATA_EXPORT_REQUESTED = "data_export.requested";
    public static final String DATA_EXPORT_CHUNK = "data_export.chunk";
    public static final String DATA_EXPORT_CONTRIBUTED = "data_export.contributed";
    public static final String CUSTOMER_CREATED = "customer.created";
    public static final String CUSTOMER_UPDATED = "customer.updated";
    public static final String CUSTOMER_DELETED = "customer.deleted";
    public static final String INVOICE_CREATED = "invoice.created";
    public static final String INVOICE_FINALIZED = "invoice.finalized";
    public static final String INVOICE_SENT = "invoice.sent";
    public static final String INVOICE_PAID = "invoice.paid";
    public static final String INVOICE_OVERDUE = "invoice.overdue";
    public static final String INVOICE_FIRS_SUBMITTED = "invoice.firs_submitted";
    public static final String INVOICE_FIRS_SUBMISSION_FAILED = "invoice.firs_submission_failed";
    public static final String PAYMENT_RECEIVED = "payment.received";
    public static final String SUBSCRIPTION_UPGRADED = "subscription.upgraded";
    public static final String SUBSCRIPTION_PAYMENT_FAILED = "subscription.payment_failed";
    /** A paid period followed the last one: the saved card was charged again (plan and cycle as before unless scheduled). */
    public static final String SUBSCRIPTION_RENEWED = "subscription.renewed";
    /** The plan changed at a period's end without a new checkout: a scheduled downgrade, or a cancellation (then Free). */
    public static final String SUBSCRIPTION_CHANGED = "subscription.changed";
    /** Paystack charged a payer on an invoice's public pay page (billing-service verified it); invoice-service records the payment. */
    public static final String INVOICE_PAYMENT_CAPTURED = "paystack.invoice_payment_captured";
    public static final String CREDIT_NOTE_ISSUED = "credit_note.issued";
    /** On the credited invoice, beside its credit note's credit_note.issued: its amount due (and maybe status) changed. */
    public static final String INVOICE_CREDITED = "invoice.credited";
    /** A draft's fields changed (PATCH): replicas of invoices take the new snapshot. Not a webhook event of the API reference. */
    public static final String INVOICE_UPDATED = "invoice.updated";
    /** A draft was (soft) deleted: replicas drop it; its number stays taken. Not a webhook event of the API reference. */
    public static final String INVOICE_DELETED = "invoice.deleted";
    /** A finalized, sent or partially paid invoice was cancelled by its issuer (POST /invoices/{id}/void). */
    public static final String INVOICE_VOIDED = "invoice.voided";
    public static final String VERIFICATION_COMPLETED = "verification.completed";

    /** Every type this version knows; a consumer dead-letters an event of any other type. */
    public static final java.util.Set<String> ALL = java.util.Set.of(TENANT_CREATED, TENANT_UPDATED, USER_CREATED, USER_UPDATED,
            USER_REMOVED, API_KEY_STATE, API_KEY_USED, SESSION_REVOKED, DATA_EXPORT_REQUESTED, DATA_EXPORT_CHUNK, DATA_EXPORT_CONTRIBUTED,
            CUSTOMER_CREATED, CUSTOMER_UPDATED, CUSTOMER_DELETED, INVOICE_CREATED, INVOICE_FINALIZED, INVOICE_SENT, INVOICE_PAID,
            INVOICE_OVERDUE, INVOICE_FIRS_SUBMITTED, INVOICE_FIRS_SUBMISSION_FAILED, PAYMENT_RECEIVED, SUBSCRIPTION_UPGRADED,
            SUBSCRIPTION_PAYMENT_FAILED, CREDIT_NOTE_ISSUED, INVOICE_CREDITED, VERIFICATION_COMPLETED,
            INVOICE_UPDATED, INVOICE_DELETED, INVOICE_VOIDED,
            SUBSCRIPTION_RENEWED, SUBSCRIPTION_CHANGED, INVOICE_PAYMENT_CAPTURED, API_CALLS_METERED, ENTITLEMENTS_UPDATED);

    private EventTypes() {
    }
}
