package ng.risiti.billing.paystack.domain;

/** What a Paystack payment is for: {@code metadata.risiti_purpose} on the transaction, and the checkout's purpose. */
public final class Purpose {

    public static final String SUBSCRIPTION = "subscription";
    public static final String CREDIT_TOP_UP = "credit_top_up";
    /** A saved card charged again at a period's end (no checkout page; recorded for the billing history). */
    public static final String RENEWAL = "renewal";
    /** A payer paying a tenant's invoice on its public pay page (invoice-service asked for the checkout). */
    public static final String INVOICE_PAYMENT = "invoice_payment";

    private Purpose() {
    }
}
