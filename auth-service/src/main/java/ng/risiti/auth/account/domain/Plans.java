package ng.risiti.auth.account.domain;

/** Plan slugs a tenant can sign up for; billing-service owns what each plan contains. */
public final class Plans {

    public static final String FREE = "free";
    public static final String PATTERN = "free|starter|growth|enterprise";

    private Plans() {
    }
}
