package ng.risiti.invoice.journal.domain;

import ng.risiti.invoice.invoices.domain.Kobo;

/** One side of an entry on one account: a debit or a credit, never both, never nothing. */
public record JournalLine(Account account, Kobo debit, Kobo credit) {

    public JournalLine {
        if (debit.value() < 0 || credit.value() < 0 || (debit.value() > 0) == (credit.value() > 0)) {
            throw new IllegalArgumentException("a journal line is a positive debit or a positive credit: " + account + " " + debit + "/" + credit);
        }
    }
}
