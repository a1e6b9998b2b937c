package ng.risiti.invoice.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.InvoiceLine;
import ng.risiti.invoice.invoices.domain.InvoiceStatus;
import ng.risiti.invoice.invoices.domain.InvoiceType;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import org.junit.jupiter.api.Test;

/**
 * Random invoices through random sequences of payments, credit notes and sends (fixed seed, so a failure replays):
 * after every step, amount due + payments + credit applied to the amount due = total, to the kobo, and the status says
 * what the amount due and the payments say (paid: nothing due and something paid; partial: some paid, some due;
 * cancelled: credited in full with nothing paid; otherwise as it was opened). A refused payment changes nothing.
 */
class InvoiceSettlementPropertyTests {

    private static final long SEED = 0x5EED_0012L;
    private static final int INVOICES = 10_000;
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 4, 9, 10, 0, 0, 0, ZoneOffset.UTC);
    /** CreditNoteService credits only these. */
    private static final Set<InvoiceStatus> CREDITABLE = EnumSet.of(InvoiceStatus.FINALIZED, InvoiceStatus.SENT, InvoiceStatus.PARTIAL,
            InvoiceStatus.PAID);

    private final Random random = new Random(SEED);
    private int steps;
    private int refusedOverpayments;
    private int refusedSettled;
    private int excessCredits;
    private final int[] ended = new int[InvoiceStatus.values().length];

    @Test
    void amountDuePaymentsAndAppliedCreditAlwaysMakeTheTotalAndTheStatusFollowsThem() {
        for (int i = 0; i < INVOICES; i++) {
            settleAtRandom(randomInvoice(), i);
        }
        // the sequences reach every outcome often, so the invariants were checked where they matter
        assertThat(steps).isGreaterThan(30_000);
        assertThat(refusedOverpayments).isGreaterThan(1_000);
        assertThat(refusedSettled).isGreaterThan(1_000);
        assertThat(excessCredits).isGreaterThan(1_000);
        for (InvoiceStatus status : List.of(InvoiceStatus.FINALIZED, InvoiceStatus.SENT, InvoiceStatus.PARTIAL, InvoiceStatus.PAID,
                InvoiceStatus.CANCELLED)) {
            assertThat(ended[status.ordinal()]).as(status.wireName()).isGreaterThan(100);
        }
    }

    private void settleAtRandom(Invoice invoice, int number) {
        String context = "invoice " + number + " (seed " + SEED + ")";
        Kobo total = invoice.total;
        long paid = 0;
        long creditApplied = 0;
        long creditReturned = 0;
        int length = 1 + random.nextInt(15);
        for (int step = 0; step < length; step++) {
            if (invoice.amountDue.value() == 0 && random.nextBoolean()) {
                break; // settled: a few more tries show it refuses payments, many say nothing new
            }
            steps++;
            int roll = random.nextInt(100);
            long due = invoice.amountDue.value();
            InvoiceStatus before = invoice.status;
            if (roll < 10 && before == InvoiceStatus.FINALIZED) {
                invoice.status = before.moveTo(InvoiceStatus.SENT);
            } else if (roll < 65) {
                long amount = paymentAmount(due);
                boolean acceptable = (before == InvoiceStatus.FINALIZED || before == InvoiceStatus.SENT || before == InvoiceStatus.PARTIAL)
                        && amount <= due;
                if (acceptable) {
                    invoice.recordPayment(Kobo.of(amount), AT);
                    paid += amount;
                } else {
                    assertThatThrownBy(() -> invoice.recordPayment(Kobo.of(amount), AT)).as(context)
                            .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNPROCESSABLE));
                    assertThat(invoice.amountDue.value()).as(context).isEqualTo(due);
                    assertThat(invoice.status).as(context).isEqualTo(before);
                    if (amount > due && due > 0) {
                        refusedOverpayments++;
                    } else {
                        refusedSettled++;
                    }
                }
            } else {
                long creditable = invoice.creditable().value();
                if (creditable == 0 || !CREDITABLE.contains(before)) {
                    continue;
                }
                long credit = creditAmount(creditable, due);
                Kobo excess = invoice.applyCredit(Kobo.of(credit), AT);
                assertThat(excess.value()).as(context).isEqualTo(Math.max(0, credit - due));
                creditApplied += credit - excess.value();
                creditReturned += excess.value();
                if (excess.value() > 0) {
                    excessCredits++;
                }
            }
            long nowDue = invoice.amountDue.value();
            assertThat(nowDue + paid + creditApplied).as(context + " step " + step).isEqualTo(total.value());
            assertThat(nowDue).as(context).isBetween(0L, total.value());
            assertThat(invoice.credited.value()).as(context).isEqualTo(creditApplied + creditReturned).isLessThanOrEqualTo(total.value());
            assertThat(invoice.status).as(context + " step " + step + " due " + nowDue + " paid " + paid).isEqualTo(expected(nowDue, paid, invoice.status));
        }
        ended[invoice.status.ordinal()]++;
    }

    /** The status the amounts call for; before anything was paid or all was credited, the invoice keeps how it was opened. */
    private static InvoiceStatus expected(long due, long paid, InvoiceStatus actual) {
        if (due == 0) {
            return paid > 0 ? InvoiceStatus.PAID : InvoiceStatus.CANCELLED;
        }
        if (paid > 0) {
            return InvoiceStatus.PARTIAL;
        }
        return actual == InvoiceStatus.SENT ? InvoiceStatus.SENT : InvoiceStatus.FINALIZED;
    }

    /** Mostly within what is due, often all of it, sometimes a kobo or more beyond. */
    private long paymentAmount(long due) {
        int roll = random.nextInt(100);
        if (due == 0 || roll < 15) {
            return due + 1 + random.nextInt(roll < 5 ? 1 : 1_000_000);
        }
        if (roll < 30) {
            return due;
        }
        return 1 + (long) (random.nextDouble() * (roll < 60 ? due : due / 4));
    }

    /** Any part of what is still creditable; often exactly what is due, or all of it. */
    private long creditAmount(long creditable, long due) {
        int roll = random.nextInt(100);
        if (roll < 20 && due > 0 && due <= creditable) {
            return due;
        }
        if (roll < 40) {
            return creditable;
        }
        return 1 + (long) (random.nextDouble() * (creditable - 1));
    }

    private Invoice randomInvoice() {
        while (true) {
            List<InvoiceLine> lines = new ArrayList<>();
            int count = 1 + random.nextInt(5);
            for (int i = 0; i < count; i++) {
                InvoiceLine line = new InvoiceLine();
                line.id = UUID.randomUUID();
                line.description = "line " + i;
                line.quantity = BigDecimal.valueOf(1 + random.nextInt(100_000), random.nextInt(3));
                line.unitPrice = Kobo.of(1 + (long) (random.nextDouble() * (random.nextBoolean() ? 100_000 : 1_000_000_000L)));
                line.discountPercent = random.nextInt(4) == 0 ? BigDecimal.valueOf(random.nextInt(5_000), 2) : BigDecimal.ZERO;
                line.taxPercent = random.nextInt(3) == 0 ? BigDecimal.ZERO : new BigDecimal("7.5");
                lines.add(line);
            }
            Invoice invoice = new Invoice();
            invoice.id = UUID.randomUUID();
            invoice.invoiceNumber = "INV-2026-001";
            invoice.currency = "NGN";
            invoice.type = InvoiceType.INVOICE;
            invoice.status = InvoiceStatus.FINALIZED;
            invoice.setLines(lines);
            if (invoice.total.value() > 0) {
                return invoice;
            }
        }
    }
}
