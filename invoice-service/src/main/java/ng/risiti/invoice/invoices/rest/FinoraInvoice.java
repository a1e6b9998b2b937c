package ng.risiti.invoice.invoices.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.FinoraStatus;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.InvoiceLine;
import ng.risiti.platform.finora.FinoraValues;

/**
 * An invoice as the Finora dialect shows it (seed 001): kobo integers as the source of truth with naira numbers
 * beside them, {@code businessId} for the tenant, its statuses. {@code vatRate} is the lines' VAT percent when they
 * share one (an invoice made through /api/v1 may mix rates: then it is null).
 */
public record FinoraInvoice(UUID id, UUID businessId, String invoiceNumber, UUID customerId, String invoiceDate, String dueDate,
        List<LineItem> lineItems, long subtotalKobo, BigDecimal vatRate, long vatAmountKobo, long totalKobo, BigDecimal total,
        long amountDueKobo, BigDecimal amountDue, String status, String notes, String createdAt, String updatedAt) {

    public record LineItem(String description, BigDecimal quantity, BigDecimal unitPrice, long amountKobo, BigDecimal amount) {
    }

    public static FinoraInvoice of(Invoice invoice, LocalDate today) {
        List<BigDecimal> rates = invoice.lines.stream().map(line -> line.taxPercent).distinct().toList();
        BigDecimal vatRate = rates.size() == 1 ? FinoraValues.number(rates.getFirst()) : null;
        return new FinoraInvoice(invoice.id, invoice.tenantId, invoice.invoiceNumber, invoice.customerId,
                FinoraValues.day(invoice.issueDate), FinoraValues.day(invoice.dueDate),
                invoice.lines.stream().map(FinoraInvoice::line).toList(), invoice.subtotal.value(),
                vatRate, invoice.taxTotal.value(),
                invoice.total.value(), FinoraValues.naira(invoice.total.value()), invoice.amountDue.value(),
                FinoraValues.naira(invoice.amountDue.value()), FinoraStatus.of(invoice, today).wireName(), invoice.notes,
                FinoraValues.time(invoice.createdAt), FinoraValues.time(invoice.updatedAt));
    }

    private static LineItem line(InvoiceLine line) {
        return new LineItem(line.description, FinoraValues.number(line.quantity), FinoraValues.naira(line.unitPrice.value()), line.net.value(),
                FinoraValues.naira(line.net.value()));
    }
}
