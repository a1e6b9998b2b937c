package ng.risiti.invoice.invoices.domain;

import java.util.Currency;
import ng.risiti.platform.error.ApiException;

/**
 * The currencies an invoice may be issued in: naira only (docs/specification.md, Invoices). Every amount is kept in kobo,
 * VAT and WHT are filed in naira, and the journal and reports add invoices up in naira; an invoice in another currency
 * would need an exchange rate on each of them, which Risiti does not take yet.
 */
public final class Currencies {

    public static final String NGN = "NGN";

    private Currencies() {
    }

    /** The currency of a new invoice: NGN when none is asked for; any other is 400 VALIDATION_ERROR on {@code currency}. */
    public static String of(String requested) {
        if (requested == null || NGN.equals(requested)) {
            return NGN;
        }
        throw ApiException.validation("currency", iso4217(requested)
                ? "currency must be NGN: invoices are issued in naira; " + requested + " is not supported"
                : "currency must be NGN; " + requested + " is not an ISO 4217 currency code");
    }

    private static boolean iso4217(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
