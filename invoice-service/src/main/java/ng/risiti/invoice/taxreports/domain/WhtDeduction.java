package ng.risiti.invoice.taxreports.domain;

import java.time.LocalDate;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Kobo;

/** One payment from which the payer withheld WHT: who, on which invoice, what it settled and what was withheld. */
public record WhtDeduction(UUID paymentId, String receiptNumber, LocalDate paidOn, String invoiceNumber, String customerName, String customerTin,
        Kobo settled, Kobo withheld) {
}
