package ng.risiti.invoice.invoices.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import org.junit.jupiter.api.Test;

class InvoiceDomainTests {

    @Test
    void specificationExampleTotalsToTheKobo() {
        LinePrice line = LinePrice.of(BigDecimal.TEN, Kobo.fromNaira(new BigDecimal("35000")), BigDecimal.ZERO, new BigDecimal("7.5"));
        assertThat(line.net().toNairaString()).isEqualTo("350000.00");
        assertThat(line.tax().toNairaString()).isEqualTo("26250.00");
        assertThat(line.total().toNairaString()).isEqualTo("376250.00");
    }

    @Test
    void eachLineRoundsHalfUpToTheKoboOnItsOwn() {
        // 3 × ₦0.33 less 10% = 89.1 kobo → 89; VAT 7.5% of 89 = 6.675 → 7
        LinePrice line = LinePrice.of(new BigDecimal("3"), Kobo.fromNaira(new BigDecimal("0.33")), BigDecimal.TEN, new BigDecimal("7.5"));
        assertThat(line.net().value()).isEqualTo(89);
        assertThat(line.tax().value()).isEqualTo(7);
        assertThat(line.total().value()).isEqualTo(96);
        // 0.5 kobo rounds up
        assertThat(LinePrice.of(new BigDecimal("0.5"), Kobo.of(1), BigDecimal.ZERO, BigDecimal.ZERO).net().value()).isEqualTo(1);
    }

    @Test
    void nairaWithMoreThanTwoDecimalsIsRefusedNotRounded() {
        assertThat(Kobo.fromNaira(new BigDecimal("1.5")).value()).isEqualTo(150);
        assertThatThrownBy(() -> Kobo.fromNaira(new BigDecimal("1.005"))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void irnHasTheNrsShape() {
        Irn irn = Irn.of("INV-2025/001", "ab12cd34", LocalDate.of(2025, 3, 24));
        assertThat(irn.value()).isEqualTo("INV2025001-AB12CD34-20250324");
        assertThatThrownBy(() -> Irn.of("INV-1", "short", LocalDate.now())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Irn.of("---", "AB12CD34", LocalDate.now())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusMachineAllowsOnlyTheSpecifiedTransitions() {
        assertThat(InvoiceStatus.DRAFT.moveTo(InvoiceStatus.FINALIZED)).isEqualTo(InvoiceStatus.FINALIZED);
        assertThat(InvoiceStatus.FINALIZED.moveTo(InvoiceStatus.CANCELLED)).isEqualTo(InvoiceStatus.CANCELLED);
        assertThat(InvoiceStatus.SENT.moveTo(InvoiceStatus.PARTIAL)).isEqualTo(InvoiceStatus.PARTIAL);
        assertThatThrownBy(() -> InvoiceStatus.FINALIZED.moveTo(InvoiceStatus.FINALIZED))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNPROCESSABLE);
                    assertThat(e.getMessage()).isEqualTo("Invoice is not in draft status; it is finalized.");
                });
        assertThatThrownBy(() -> InvoiceStatus.DRAFT.moveTo(InvoiceStatus.PAID)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> InvoiceStatus.PAID.moveTo(InvoiceStatus.CANCELLED)).isInstanceOf(ApiException.class);
        assertThat(InvoiceStatus.DRAFT.editable()).isTrue();
        assertThat(InvoiceStatus.FINALIZED.editable()).isFalse();
    }

    @Test
    void everyRefusedTransitionSaysWhichStatusTheInvoiceIsIn() {
        assertThat(refusal(() -> InvoiceStatus.DRAFT.moveTo(InvoiceStatus.CANCELLED))).isEqualTo("Invoice is draft; it cannot become cancelled.");
        assertThat(refusal(() -> InvoiceStatus.DRAFT.moveTo(InvoiceStatus.PAID))).isEqualTo("Invoice is draft; it cannot become paid.");
        assertThat(refusal(() -> InvoiceStatus.PAID.moveTo(InvoiceStatus.CANCELLED))).isEqualTo("Invoice is paid; it cannot become cancelled.");
        assertThat(refusal(() -> InvoiceStatus.CANCELLED.moveTo(InvoiceStatus.CANCELLED))).isEqualTo("Invoice is already cancelled.");
        assertThat(refusal(() -> InvoiceStatus.SENT.moveTo(InvoiceStatus.FINALIZED))).isEqualTo("Invoice is not in draft status; it is sent.");
        assertThat(refusal(InvoiceStatus.PARTIAL::requireEditable)).isEqualTo("Invoice is not in draft status; it is partial.");
        InvoiceStatus.DRAFT.requireEditable();
        // a failed NRS submission can be retried, and voided
        assertThat(InvoiceStatus.FIRS_SUBMISSION_FAILED.moveTo(InvoiceStatus.FINALIZED)).isEqualTo(InvoiceStatus.FINALIZED);
        assertThat(InvoiceStatus.FIRS_SUBMISSION_FAILED.moveTo(InvoiceStatus.CANCELLED)).isEqualTo(InvoiceStatus.CANCELLED);
    }

    @Test
    void whtIsTakenOnTheSubtotalHalfUpAndIsNeverPartOfTheTotal() {
        Invoice invoice = new Invoice();
        invoice.status = InvoiceStatus.DRAFT;
        // 333.30 at 7.5 %: net 33,330 kobo, VAT 2,499.75 → 2,500; WHT 5 % of the net = 1,666.5 kobo → 1,667
        invoice.withholding(java.util.UUID.randomUUID(), new BigDecimal("5"));
        invoice.setLines(java.util.List.of(line("333.30")));
        assertThat(invoice.subtotal.value()).isEqualTo(33330);
        assertThat(invoice.wht.value()).isEqualTo(1667);
        assertThat(invoice.total.value()).isEqualTo(33330 + 2500);
        assertThat(invoice.amountDue).isEqualTo(invoice.total);
        // new lines take the rate with them; removing it leaves nothing withheld
        invoice.setLines(java.util.List.of(line("1000.00")));
        assertThat(invoice.wht.value()).isEqualTo(5000);
        invoice.withholding(null, new BigDecimal("5"));
        assertThat(invoice.wht).isEqualTo(Kobo.ZERO);
        assertThat(invoice.whtPercent).isNull();
    }

    @Test
    void overdueIsAFlagOnAnOpenInvoiceWithSomethingDue() {
        Invoice invoice = new Invoice();
        invoice.status = InvoiceStatus.DRAFT;
        invoice.setLines(java.util.List.of(line("1000.00")));
        invoice.overdueAt = java.time.OffsetDateTime.now();
        assertThat(invoice.overdue()).isFalse();
        for (InvoiceStatus open : java.util.List.of(InvoiceStatus.FINALIZED, InvoiceStatus.SENT, InvoiceStatus.PARTIAL)) {
            invoice.status = open;
            assertThat(invoice.overdue()).as(open.name()).isTrue();
        }
        invoice.overdueAt = null;
        assertThat(invoice.overdue()).isFalse();
        invoice.overdueAt = java.time.OffsetDateTime.now();
        invoice.voidAt(java.time.OffsetDateTime.now());
        assertThat(invoice.status).isEqualTo(InvoiceStatus.CANCELLED);
        assertThat(invoice.amountDue).isEqualTo(Kobo.ZERO);
        assertThat(invoice.overdue()).isFalse();
    }

    private static InvoiceLine line(String unitPrice) {
        InvoiceLine line = new InvoiceLine();
        line.description = "x";
        line.quantity = BigDecimal.ONE;
        line.unitPrice = Kobo.fromNaira(new BigDecimal(unitPrice));
        line.discountPercent = BigDecimal.ZERO;
        line.taxPercent = new BigDecimal("7.5");
        return line;
    }

    private static String refusal(Runnable move) {
        try {
            move.run();
        } catch (ApiException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.UNPROCESSABLE);
            return e.getMessage();
        }
        throw new AssertionError("the move was allowed");
    }
}
