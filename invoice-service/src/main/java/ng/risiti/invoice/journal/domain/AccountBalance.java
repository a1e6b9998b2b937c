package ng.risiti.invoice.journal.domain;

import ng.risiti.invoice.invoices.domain.Kobo;

/** An account's debits and credits up to a day; its balance is debits less credits (a credit balance is negative). */
public record AccountBalance(Account account, Kobo debits, Kobo credits) {

    public Kobo balance() {
        return debits.minus(credits);
    }
}
