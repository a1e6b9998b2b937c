package ng.risiti.invoice.invoices.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.InvoiceLine;
import ng.risiti.invoice.payments.domain.Payment;
import ng.risiti.invoice.payments.rest.PaymentResponse;

/** The invoice object of docs/specification.md (Invoices), with integer {@code _kobo} twins of every amount. */
public record InvoiceResponse(
        UUID id,
        String invoiceNumber,
        String status,
        /** {@code invoice} or {@code credit_note}. */
        String type,
        UUID originalInvoiceId,
        String creditReason,
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
        /** How much of the invoice credit notes have taken. */
        String creditedAmount,
        long creditedAmountKobo,
        String notes,
        String irn,
        String digitalSignature,
        UUID publicToken,
        OffsetDateTime firsSubmittedAt,
        /** What NRS answered the last submission ({@code status}, {@code error}, {@code details}, step times); null until one ends. */
        @JsonRawValue String firsResponse,
        CustomerSnapshot customerSnapshot,
        List<LineItem> lineItems,
        /** Oldest first; {@link #of(Invoice)} shows none, for answers about what cannot have any (a draft, a credit note). */
        List<PaymentResponse> payments,
        OffsetDateTime finalizedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        /** Withholding tax: the rate the payer deducts and its amount on the subtotal; not part of total_amount or amount_due. */
        UUID whtRateId,
        String whtRate,
        String whtAmount,
        long whtAmountKobo,
        /** Past its due date with an amount due, as the overdue job found it; status stays the lifecycle's own. */
        boolean overdue,
        OffsetDateTime overdueAt,
        OffsetDateTime voidedAt) {

    public record CustomerSnapshot(String name, String tin, String email, String phone, BillingAddress billingAddress) {
    }

    public record BillingAddress(String streetName, String cityName, String postalZone, String country) {
    }

    public record LineItem(UUID id, String description, BigDecimal quantity, String unitPrice, long unitPriceKobo,
            String discountPercent, String taxRate, UUID taxRateId, String subtotal, long subtotalKobo,
            String tax, long taxKobo, String total, long totalKobo, String vatCategory, String hsnCode, String productCategory) {

        static LineItem of(InvoiceLine line) {
            return new LineItem(line.id, line.description, line.quantity.stripTrailingZeros(), line.unitPrice.toNairaString(),
                    line.unitPrice.value(), percent(line.discountPercent, 2), percent(line.taxPercent, 1), line.taxRateId,
                    line.net.toNairaString(), line.net.value(), line.tax.toNairaString(), line.tax.value(),
                    line.total.toNairaString(), line.total.value(), line.vatCategory, line.hsnCode, line.productCategory);
        }
    }

    public static InvoiceResponse of(Invoice invoice) {
        return of(invoice, List.of());
    }

    /** With the invoice's payments, as {@code GET /invoices/{id}} shows them. */
    public static InvoiceResponse of(Invoice invoice, List<Payment> payments) {
        return new InvoiceResponse(invoice.id, invoice.invoiceNumber, invoice.status.wireName(), invoice.type.wireName(),
                invoice.originalInvoiceId, invoice.creditReason, invoice.currency,
                invoice.issueDate, invoice.dueDate,
                invoice.subtotal.toNairaString(), invoice.subtotal.value(),
                invoice.taxTotal.toNairaString(), invoice.taxTotal.value(),
                invoice.total.toNairaString(), invoice.total.value(),
                invoice.amountDue.toNairaString(), invoice.amountDue.value(),
                invoice.credited.toNairaString(), invoice.credited.value(),
                invoice.notes, invoice.irn, invoice.digitalSignature, invoice.publicToken, invoice.firsSubmittedAt,
                invoice.firsResponse,
                new CustomerSnapshot(invoice.customerName, invoice.customerTin, invoice.customerEmail, invoice.customerPhone,
                        invoice.customerStreet == null && invoice.customerCity == null && invoice.customerCountry == null ? null
                                : new BillingAddress(invoice.customerStreet, invoice.customerCity, invoice.customerPostalZone, invoice.customerCountry)),
                invoice.lines.stream().map(LineItem::of).toList(), payments.stream().map(PaymentResponse::of).toList(),
                invoice.finalizedAt, invoice.createdAt, invoice.updatedAt,
                invoice.whtRateId, invoice.whtPercent == null ? null : percent(invoice.whtPercent, 1), invoice.wht.toNairaString(), invoice.wht.value(),
                invoice.overdue(), invoice.overdueAt, invoice.voidedAt);
    }

    /** "7.5" and "0.00" as docs/specification.md (Invoices) prints them: at least the given decimals, no trailing noise beyond. */
    static String percent(BigDecimal value, int minScale) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < minScale ? stripped.setScale(minScale).toPlainString() : stripped.toPlainString();
    }
}
