package ng.risiti.invoice.journal.domain;

import ng.risiti.invoice.invoices.domain.Kobo;

/** What the journal still holds open for one invoice: its Trade Debtors (debit) and VAT Provision (credit) balances. */
public record OpenBalances(Kobo debtors, Kobo vatProvision) {
}
