package ng.risiti.platform.rest;

import java.math.BigDecimal;

/** The API's money string (docs/api-rules.md, Limits): integer kobo shown as naira with two decimals, e.g. "376250.00". */
public final class Naira {

    private Naira() {
    }

    public static String fromKobo(long kobo) {
        return BigDecimal.valueOf(kobo, 2).toPlainString();
    }

    /** Null stays null (a price the plan does not have). */
    public static String fromKobo(Long kobo) {
        return kobo == null ? null : fromKobo(kobo.longValue());
    }
}
