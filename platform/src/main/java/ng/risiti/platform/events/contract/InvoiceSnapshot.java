package ng.risiti.platform.events.contract;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of every {@code risiti.invoices.v1} event (key = invoice id): the invoice as it stands after the change.
 * Money twice, as in the REST API: decimal naira strings and integer kobo.
 */
@RegisterForReflection
public record InvoiceSnapshot(
        UUID invoiceId,
        UUID tenantId,
        String invoiceNumber,
        String status,
        UUID customerId,
        String customerName,
        String customerTin,
        String currency,
        LocalDate issueDate,
        LocalDate dueDate,
        String subtotal,
        long subtotalKobo,
        String taxTotal,
        long taxTotalKobo,
        String totalAmount,
        long totalAmountKobo,
        String amountDue,
        long amountDueKobo,
        String irn,
        boolean testMode,
        OffsetDateTime finalizedAt,
        /** {@code invoice} or {@code credit_note}. */
        String type,
        /** The invoice a credit note credits; null on an invoice. */
        UUID originalInvoiceId,
        /** How much of this invoice credit notes have taken. */
        String credited,
        long creditedKobo,
        /** On a credit note: what it credited beyond the invoice's amount due, now the customer's credit balance. */
        long customerCreditKobo,
        /** The withholding tax rate the payer deducts ("5.0"), null when none; WHT is shown, never part of the total. */
        String whtRate,
        String whtAmount,
        long whtAmountKobo) {
}
