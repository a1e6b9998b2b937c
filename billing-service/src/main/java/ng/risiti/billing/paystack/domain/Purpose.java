package ng.risiti.billing.paystack.domain;

/** What a Paystack payment is for: {@code metadata.risiti_purpose} on the transaction, and the checkout's purpose. */
public final class Purpose {

    public static final String SUBSCRIPTION = "subscription";
    public static final String CREDIT_TOP_UP = "credit_top_up";

    private Purpose() {
    }
}
