package ng.risiti.customer.invoices.domain;

/** A customer's invoice count and outstanding balance in kobo, as its customer object shows them. */
public record InvoiceFigures(long invoiceCount, long outstandingKobo) {

    /** A customer no invoice event has named yet. */
    public static final InvoiceFigures NONE = new InvoiceFigures(0, 0);
}
