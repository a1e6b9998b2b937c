package ng.risiti.invoice.invoices.rest;

import java.time.LocalDate;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Invoice;

/** An invoice as list endpoints show it (docs/specification.md, Invoices: GET /invoices). */
public record InvoiceSummary(UUID id, String invoiceNumber, String status, String type, UUID originalInvoiceId, String totalAmount, long totalAmountKobo,
        String amountDue, long amountDueKobo, String currency, LocalDate issueDate, LocalDate dueDate, String irn,
        CustomerName customerSnapshot, boolean overdue) {

    public record CustomerName(String name) {
    }

    public static InvoiceSummary of(Invoice invoice) {
        return new InvoiceSummary(invoice.id, invoice.invoiceNumber, invoice.status.wireName(), invoice.type.wireName(), invoice.originalInvoiceId,
                invoice.total.toNairaString(), invoice.total.value(), invoice.amountDue.toNairaString(), invoice.amountDue.value(),
                invoice.currency, invoice.issueDate, invoice.dueDate, invoice.irn, new CustomerName(invoice.customerName),
                invoice.overdue());
    }
}
