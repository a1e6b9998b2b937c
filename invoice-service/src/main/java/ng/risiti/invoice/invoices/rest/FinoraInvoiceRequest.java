package ng.risiti.invoice.invoices.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.invoices.service.NewInvoice;
import ng.risiti.invoice.taxes.domain.TaxRate;
import ng.risiti.platform.error.ApiException;

/**
 * Body of the dialect's {@code POST /v1/invoices} (seed 001): one VAT rate for the whole invoice, 7.5 (standard, the
 * default) or 0 (zero-rated); the invoice date defaults to today and the due date to 14 days after it. Lines take the
 * same limits as the API's ({@link LineItemRequest}).
 */
public record FinoraInvoiceRequest(
        String businessId,
        @NotNull UUID customerId,
        @NotNull @Size(min = 1, max = 100, message = "must have between 1 and 100 items") List<@Valid @NotNull LineItemRequest> lineItems,
        LocalDate invoiceDate,
        LocalDate dueDate,
        BigDecimal vatRate,
        @Size(max = 2000) String notes) {

    static final BigDecimal STANDARD = new BigDecimal("7.5");
    /** The system's zero-rated VAT (V1__invoices.sql). */
    static final UUID ZERO_RATED = UUID.fromString("00000000-0000-7000-8000-000000000000");
    static final int DEFAULT_DAYS_TO_PAY = 14;

    /** The draft this body asks for, dated in Lagos when the body gives no dates; called once the body is valid. */
    NewInvoice toNewInvoice(LocalDate today) {
        UUID taxRate = taxRateOf(vatRate);
        LocalDate issued = invoiceDate != null ? invoiceDate : today;
        LocalDate due = dueDate != null ? dueDate : today.plusDays(DEFAULT_DAYS_TO_PAY);
        return new NewInvoice(customerId, issued, due, "NGN", lines(lineItems, taxRate), notes, null, null);
    }

    /** The tax rate every line gets: 7.5 (or none given) is the standard rate, 0 zero-rated; anything else is refused. */
    static UUID taxRateOf(BigDecimal vatRate) {
        if (vatRate == null || vatRate.compareTo(STANDARD) == 0) {
            return TaxRate.STANDARD_VAT;
        }
        if (vatRate.signum() == 0) {
            return ZERO_RATED;
        }
        throw ApiException.validation("vat_rate", "vat_rate must be 7.5 (standard) or 0 (zero-rated)");
    }

    static List<NewInvoice.Line> lines(List<LineItemRequest> items, UUID taxRate) {
        return items.stream().map(LineItemRequest::toLine)
                .map(line -> new NewInvoice.Line(line.description(), line.quantity(), line.unitPrice(), line.discountPercent(),
                        taxRate, line.hsnCode(), line.productCategory()))
                .toList();
    }
}
