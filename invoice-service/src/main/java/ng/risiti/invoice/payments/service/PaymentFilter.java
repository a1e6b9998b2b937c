package ng.risiti.invoice.payments.service;

import java.time.LocalDate;
import java.util.UUID;
import ng.risiti.invoice.payments.domain.PaymentMethod;

/** The filters of {@code GET /payments}, each optional: payment date from and to (both included), method, invoice. */
public record PaymentFilter(LocalDate from, LocalDate to, PaymentMethod method, UUID invoiceId) {
}
