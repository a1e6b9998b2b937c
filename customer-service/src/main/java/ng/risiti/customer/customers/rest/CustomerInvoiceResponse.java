package ng.risiti.customer.customers.rest;

import java.time.LocalDate;
import java.util.UUID;
import ng.risiti.customer.invoices.domain.CustomerInvoice;
import ng.risiti.platform.rest.Naira;

/** A row of {@code GET /api/v1/customers/{id}/invoices} (credit notes among them, by type): naira as decimal strings, with their kobo twins. */
public record CustomerInvoiceResponse(UUID id, String invoiceNumber, String status, String type, String totalAmount, Long totalAmountKobo,
        String amountDue, long amountDueKobo, String currency, LocalDate issueDate, LocalDate dueDate) {

    public static CustomerInvoiceResponse of(CustomerInvoice invoice) {
        return new CustomerInvoiceResponse(invoice.invoiceId, invoice.invoiceNumber, invoice.status, invoice.type,
                Naira.fromKobo(invoice.totalAmountKobo), invoice.totalAmountKobo,
                Naira.fromKobo(invoice.amountDueKobo), invoice.amountDueKobo, invoice.currency, invoice.issueDate, invoice.dueDate);
    }
}
