package ng.risiti.customer.invoices.domain;

/** A customer's invoice count, outstanding balance and credit balance (from credit notes) in kobo, as its customer object shows them. */
public record InvoiceFigures(long invoiceCount, long outstandingKobo, long creditKobo) {

    /** A customer no invoice event has named yet. */
    public static final InvoiceFigures NONE = new InvoiceFigures(0, 0, 0);
}
