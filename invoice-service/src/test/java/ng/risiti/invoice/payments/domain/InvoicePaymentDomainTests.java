package ng.risiti.invoice.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.InvoiceLine;
import ng.risiti.invoice.invoices.domain.InvoiceStatus;
import ng.risiti.invoice.invoices.domain.InvoiceType;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import org.junit.jupiter.api.Test;

/** {@link Invoice#recordPayment} by example; {@link InvoiceSettlementPropertyTests} checks its invariants at random. */
class InvoicePaymentDomainTests {

    static final OffsetDateTime AT = OffsetDateTime.of(2026, 4, 9, 10, 0, 0, 0, ZoneOffset.UTC);

    /** 10 × 35,000 at 7.5% VAT: 376,250.00, as docs/specification.md's example. */
    static Invoice finalized() {
        InvoiceLine line = new InvoiceLine();
        line.id = UUID.randomUUID();
        line.description = "Software Consulting";
        line.quantity = BigDecimal.TEN;
        line.unitPrice = Kobo.of(3_500_000);
        line.discountPercent = BigDecimal.ZERO;
        line.taxPercent = new BigDecimal("7.5");
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.invoiceNumber = "INV-2026-001";
        invoice.currency = "NGN";
        invoice.type = InvoiceType.INVOICE;
        invoice.status = InvoiceStatus.FINALIZED;
        invoice.setLines(List.of(line));
        return invoice;
    }

    @Test
    void partOfTheAmountDueMakesTheInvoicePartialAndTheRestMakesItPaid() {
        Invoice invoice = finalized();
        invoice.recordPayment(Kobo.of(10_000_000), AT);
        assertThat(invoice.status).isEqualTo(InvoiceStatus.PARTIAL);
        assertThat(invoice.amountDue).isEqualTo(Kobo.of(27_625_000));
        assertThat(invoice.updatedAt).isEqualTo(AT);

        invoice.recordPayment(Kobo.of(27_000_000), AT);
        assertThat(invoice.status).isEqualTo(InvoiceStatus.PARTIAL);
        invoice.recordPayment(Kobo.of(625_000), AT.plusHours(1));
        assertThat(invoice.status).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice.amountDue).isEqualTo(Kobo.ZERO);
        assertThat(invoice.updatedAt).isEqualTo(AT.plusHours(1));
    }

    @Test
    void aSentInvoicePaidInFullGoesStraightToPaid() {
        Invoice invoice = finalized();
        invoice.status = InvoiceStatus.SENT;
        invoice.recordPayment(Kobo.of(37_625_000), AT);
        assertThat(invoice.status).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice.amountDue.value()).isZero();
    }

    @Test
    void moreThanTheAmountDueIsRefusedSayingWhatIsDueAndNothingChanges() {
        Invoice invoice = finalized();
        invoice.recordPayment(Kobo.of(37_000_000), AT);
        assertThatThrownBy(() -> invoice.recordPayment(Kobo.of(625_001), AT.plusDays(1)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNPROCESSABLE);
                    assertThat(e.getMessage()).isEqualTo("Invoice INV-2026-001 has NGN 6250.00 due; a payment of NGN 6250.01 would overpay it.");
                });
        assertThat(invoice.amountDue).isEqualTo(Kobo.of(625_000));
        assertThat(invoice.status).isEqualTo(InvoiceStatus.PARTIAL);
        assertThat(invoice.updatedAt).isEqualTo(AT);
    }

    @Test
    void draftsCancelledAndPaidInvoicesAndCreditNotesTakeNoPaymentAndTheMessageSaysWhy() {
        for (InvoiceStatus status : List.of(InvoiceStatus.DRAFT, InvoiceStatus.CANCELLED, InvoiceStatus.PAID, InvoiceStatus.FIRS_SUBMISSION_FAILED)) {
            Invoice invoice = finalized();
            invoice.status = status;
            assertThatThrownBy(() -> invoice.recordPayment(Kobo.of(100), AT)).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.UNPROCESSABLE);
                assertThat(e.getMessage()).isEqualTo("Invoice is " + status.wireName() + "; only a finalized, sent or partially paid invoice can take a payment.");
            });
            assertThat(invoice.amountDue).isEqualTo(invoice.total);
        }
        Invoice note = finalized();
        note.type = InvoiceType.CREDIT_NOTE;
        assertThatThrownBy(() -> note.recordPayment(Kobo.of(100), AT)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getMessage()).isEqualTo("A credit note cannot take a payment."));
    }

    @Test
    void creditAfterAPartPaymentSettlesTheRestAndReturnsWhatItCreditsBeyondAsCustomerCredit() {
        Invoice invoice = finalized();
        invoice.recordPayment(Kobo.of(30_000_000), AT);
        // 76,250.00 due; a 100,000.00 credit settles it and leaves 23,750.00 the customer had paid as credit
        Kobo excess = invoice.applyCredit(Kobo.of(10_000_000), AT);
        assertThat(excess).isEqualTo(Kobo.of(2_375_000));
        assertThat(invoice.amountDue).isEqualTo(Kobo.ZERO);
        assertThat(invoice.status).isEqualTo(InvoiceStatus.PAID);
        assertThatThrownBy(() -> invoice.recordPayment(Kobo.of(1), AT)).isInstanceOf(ApiException.class);
    }

    @Test
    void aPaymentAfterAPartCreditPaysWhatTheCreditLeft() {
        Invoice invoice = finalized();
        assertThat(invoice.applyCredit(Kobo.of(7_625_000), AT)).isEqualTo(Kobo.ZERO);
        assertThat(invoice.status).isEqualTo(InvoiceStatus.FINALIZED);
        assertThatThrownBy(() -> invoice.recordPayment(Kobo.of(30_000_001), AT)).isInstanceOf(ApiException.class);
        invoice.recordPayment(Kobo.of(30_000_000), AT);
        assertThat(invoice.status).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void nothingOrLessIsNotAPayment() {
        assertThatThrownBy(() -> finalized().recordPayment(Kobo.ZERO, AT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> finalized().recordPayment(Kobo.of(-1), AT)).isInstanceOf(IllegalArgumentException.class);
    }
}
