package ng.risiti.invoice.invoices.domain;

import java.util.Locale;

/** What a document is: an invoice (UNCL1001 380) or a credit note against one (381). Both live in the invoices table. */
public enum InvoiceType {
    INVOICE,
    CREDIT_NOTE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
