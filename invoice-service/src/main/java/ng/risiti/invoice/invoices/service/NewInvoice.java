package ng.risiti.invoice.invoices.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Kobo;

/**
 * A draft invoice to create, as the caller asked for it. Absent optional values stay null: the service applies their
 * defaults (NGN, no discount, standard VAT, the next number, no WHT).
 */
public record NewInvoice(UUID customerId, LocalDate issueDate, LocalDate dueDate, String currency, List<Line> lines,
        String notes, String invoiceNumber, UUID whtRateId) {

    /** One line; {@code taxRateId} null means the standard VAT rate. */
    public record Line(String description, BigDecimal quantity, Kobo unitPrice, BigDecimal discountPercent, UUID taxRateId,
            String hsnCode, String productCategory) {
    }
}
