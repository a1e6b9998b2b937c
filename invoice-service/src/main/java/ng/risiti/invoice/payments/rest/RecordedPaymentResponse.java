package ng.risiti.invoice.payments.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.payments.service.RecordedPayment;

/**
 * What recording a payment answers: the invoice after it ({@code id} is the invoice's, with its new {@code status} and
 * {@code amount_due}), the payment just recorded ({@code payment}) and all the invoice's payments ({@code payments}),
 * as the API reference's Invoices section shows it; and, as its Payments section shows it, {@code amount_paid} (all
 * paid on the invoice so far) with this payment's {@code payment_method} word, {@code payment_reference} and
 * {@code paid_at}. {@code matched_by} ({@code reference} or {@code amount}) is there when reconciliation chose the invoice.
 */
public record RecordedPaymentResponse(
        UUID id,
        String invoiceNumber,
        String status,
        String currency,
        String totalAmount,
        long totalAmountKobo,
        String amountDue,
        long amountDueKobo,
        String amountPaid,
        long amountPaidKobo,
        String paymentMethod,
        String paymentReference,
        OffsetDateTime paidAt,
        PaymentResponse payment,
        List<PaymentResponse> payments,
        @JsonInclude(JsonInclude.Include.NON_NULL) String matchedBy) {

    public static RecordedPaymentResponse of(RecordedPayment recorded) {
        Invoice invoice = recorded.invoice();
        PaymentResponse payment = PaymentResponse.of(recorded.payment());
        return new RecordedPaymentResponse(invoice.id, invoice.invoiceNumber, invoice.status.wireName(), invoice.currency,
                invoice.total.toNairaString(), invoice.total.value(), invoice.amountDue.toNairaString(), invoice.amountDue.value(),
                recorded.paid().toNairaString(), recorded.paid().value(), payment.method(), payment.reference(), payment.paidAt(),
                payment, recorded.payments().stream().map(PaymentResponse::of).toList(), recorded.matchedBy());
    }
}
