package ng.risiti.invoice.reports.domain;

import java.time.LocalDate;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Kobo;

/** One issued invoice with something still due. */
public record OpenReceivable(UUID invoiceId, UUID customerId, String customerName, LocalDate dueDate, Kobo amountDue) {
}
