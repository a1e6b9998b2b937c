package ng.risiti.invoice.journal.domain;

import java.time.LocalDate;
import ng.risiti.invoice.invoices.domain.Kobo;

/** What one kind of source moved through Bank and Cash in the period starting {@code period}: debits less credits. */
public record CashMovement(LocalDate period, SourceType source, Kobo net) {
}
