package ng.risiti.customer.customers.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import ng.risiti.customer.invoices.domain.CustomerInvoice;

/** A row of {@code GET /api/v1/customers/{id}/invoices}: naira as decimal strings, with their kobo twins. */
public record CustomerInvoiceResponse(UUID id, String invoiceNumber, String status, String totalAmount, Long totalAmountKobo,
        String amountDue, long amountDueKobo, String currency, LocalDate issueDate, LocalDate dueDate) {

    public static CustomerInvoiceResponse of(CustomerInvoice invoice) {
        return new CustomerInvoiceResponse(invoice.invoiceId, invoice.invoiceNumber, invoice.status,
                invoice.totalAmountKobo == null ? null : naira(invoice.totalAmountKobo), invoice.totalAmountKobo,
                naira(invoice.amountDueKobo), invoice.amountDueKobo, invoice.currency, invoice.issueDate, invoice.dueDate);
    }

    private static String naira(long kobo) {
        return BigDecimal.valueOf(kobo, 2).toPlainString();
    }
}
