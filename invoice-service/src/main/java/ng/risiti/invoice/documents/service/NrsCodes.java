package ng.risiti.invoice.documents.service;

import java.util.Locale;
import ng.risiti.invoice.invoices.domain.InvoiceType;

/**
 * Risiti's codes → NRS's own code lists, in one place. NRS serves its lists at
 * {@code GET /api/v1/invoice/resources/{invoice-types,tax-categories,payment-means,currencies,countries}}; where NRS
 * departs from the UBL code list our UBL XML uses, the mapping says so. The NRS sandbox's {@code CodeLists} holds the
 * same values, and the payload tests run its validator over what we build.
 */
public final class NrsCodes {

    private NrsCodes() {
    }

    /**
     * NRS's invoice types are not UNCL1001: NRS lists 381 as "Commercial Invoice" and 380 as "Credit Note", the reverse
     * of UNCL1001 (which our UBL XML follows: 380 invoice, 381 credit note). The 396 in NRS's Postman examples is
     * "Invoice Request" on NRS's list, not an invoice.
     */
    public static String invoiceTypeCode(InvoiceType type) {
        return switch (type) {
            case INVOICE -> "381";
            case CREDIT_NOTE -> "380";
        };
    }

    /** UNCL5305 VAT category (S, Z, E), as lines store it, → NRS tax category id. */
    public static String taxCategory(String uncl5305) {
        return switch (uncl5305) {
            // Standard-rated VAT, whatever the rate (7.5% today; NRS's REDUCED_VAT is for a reduced rate we do not have).
            case "S" -> "STANDARD_VAT";
            // Zero-rated: VAT at 0% (exports, some basic goods); still a taxable supply.
            case "Z" -> "ZERO_VAT";
            // Exempt (First Schedule to the VAT Act): NRS's code is EXEMPTED ("Tax Exemption"); it has no VAT_EXEMPTED.
            case "E" -> "EXEMPTED";
            default -> throw new IllegalArgumentException("no NRS tax category for VAT category " + uncl5305);
        };
    }

    /**
     * How a payment is (or may be) made → NRS payment means code. NRS's payment means are UNCL4461 codes; Risiti
     * stores the same codes for recorded payments (bank_transfer = 30, card = 48, cash = 10).
     */
    public static String paymentMeansCode(String method) {
        return switch (method) {
            // A transfer into the tenant's account (or its Paystack virtual account): "Credit transfer".
            case "bank_transfer" -> "30";
            // Card payments on the pay page (Paystack): "Bank card".
            case "card" -> "48";
            case "cash" -> "10";
            default -> throw new IllegalArgumentException("no NRS payment means for " + method);
        };
    }

    /** NRS lists currencies by their ISO 4217 alphabetic code, as Risiti stores them: the mapping is identity. */
    public static String currency(String iso4217) {
        return iso4217.trim().toUpperCase(Locale.ROOT);
    }

    /** NRS's countries are keyed by ISO 3166-1 alpha-2, as Risiti's addresses store them: the mapping is identity. */
    public static String country(String iso3166Alpha2) {
        return iso3166Alpha2.trim().toUpperCase(Locale.ROOT);
    }
}
