package ng.risiti.billing.credits.domain;

/**
 * What the API-credit wallet charges (seed 000, docs/specification.md, Plans and prices): NGN 100 per metered API call
 * after 10 free trial calls, NGN 200 per TIN/NIN verification, from one pool topped up by at least NGN 1,000.
 */
public final class CreditPrices {

    public static final long COST_PER_CALL_KOBO = 10_000;
    public static final long VERIFICATION_COST_KOBO = 20_000;
    public static final int FREE_TRIAL_CALLS = 10;
    public static final long MINIMUM_TOP_UP_KOBO = 100_000;
    /** Under ten calls' worth the wallet warns (the integrations page's "Low credits balance"). */
    public static final long LOW_BALANCE_KOBO = 10 * COST_PER_CALL_KOBO;

    private CreditPrices() {
    }
}
