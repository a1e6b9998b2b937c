package ng.risiti.invoice.journal.domain;

import java.time.LocalDate;
import java.util.List;
import ng.risiti.invoice.invoices.domain.Kobo;

/** Every account's debits and credits up to a day; the journal balances, so total debits equal total credits. */
public record TrialBalance(LocalDate asOf, List<AccountBalance> accounts) {

    public Kobo debits() {
        return accounts.stream().map(AccountBalance::debits).reduce(Kobo.ZERO, Kobo::plus);
    }

    public Kobo credits() {
        return accounts.stream().map(AccountBalance::credits).reduce(Kobo.ZERO, Kobo::plus);
    }
}
