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
                    assertThat(e.getMessage()).isEqualTo("Invoice is not in draft status.");
                });
        assertThatThrownBy(() -> InvoiceStatus.DRAFT.moveTo(InvoiceStatus.PAID)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> InvoiceStatus.PAID.moveTo(InvoiceStatus.CANCELLED)).isInstanceOf(ApiException.class);
        assertThat(InvoiceStatus.DRAFT.editable()).isTrue();
        assertThat(InvoiceStatus.FINALIZED.editable()).isFalse();
    }
}
