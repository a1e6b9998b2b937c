package ng.risiti.customer.customers.rest;

import java.time.LocalDate;
import java.util.UUID;
import ng.risiti.customer.invoices.domain.CustomerInvoice;
import ng.risiti.platform.rest.Naira;

/** A row of {@code GET /api/v1/customers/{id}/invoices}: naira as decimal strings, with their kobo twins. */
public record CustomerInvoiceResponse(UUID id, String invoiceNumber, String status, String totalAmount, Long totalAmountKobo,
        String amountDue, long amountDueKobo, String currency, LocalDate issueDate, LocalDate dueDate) {

    public static CustomerInvoiceResponse of(CustomerInvoice invoice) {
        return new CustomerInvoiceResponse(invoice.invoiceId, invoice.invoiceNumber, invoice.status,
                Naira.fromKobo(invoice.totalAmountKobo), invoice.totalAmountKobo,
                Naira.fromKobo(invoice.amountDueKobo), invoice.amountDueKobo, invoice.currency, invoice.issueDate, invoice.dueDate);
    }
}
