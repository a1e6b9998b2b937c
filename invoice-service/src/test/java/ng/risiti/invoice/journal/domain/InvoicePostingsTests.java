package ng.risiti.invoice.journal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.platform.security.Tenancy;
import org.junit.jupiter.api.Test;

class InvoicePostingsTests {

    private static final Tenancy TENANCY = Tenancy.live(UUID.randomUUID());

    @Test
    void anEntryThatDoesNotBalanceCannotBeMade() {
        assertThatThrownBy(() -> new JournalEntry(UUID.randomUUID(), TENANCY, LocalDate.now(), SourceType.EXPENSE, UUID.randomUUID(), null, null,
                null, "lopsided", OffsetDateTime.now(), List.of(new JournalLine(Account.BANK, Kobo.of(100), Kobo.ZERO),
                        new JournalLine(Account.REVENUE, Kobo.ZERO, Kobo.of(99)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not balance");
        assertThatThrownBy(() -> new JournalLine(Account.BANK, Kobo.of(1), Kobo.of(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPartPaymentMovesItsShareOfVatHalfUpAndTheLastPaymentMovesTheRest() {
        // 350,000.00 + 26,250.00 VAT = 376,250.00; 100,000.00 paid carries 26,250.00 × 100,000 / 376,250 = 6,976.744… → 6,976.74
        Map<Account, Long> books = new EnumMap<>(Account.class);
        apply(books, InvoicePostings.finalized(Kobo.of(37_625_000), Kobo.of(35_000_000), Kobo.of(2_625_000)));
        apply(books, InvoicePostings.payment(false, Kobo.of(10_000_000), Kobo.ZERO, Kobo.of(27_625_000), open(books)));
        assertThat(books.get(Account.VAT_PAYABLE)).isEqualTo(-697_674);
        apply(books, InvoicePostings.payment(true, Kobo.of(27_625_000), Kobo.ZERO, Kobo.ZERO, open(books)));
        assertThat(books.get(Account.VAT_PAYABLE)).isEqualTo(-2_625_000);
        assertThat(books.get(Account.VAT_PROVISION)).isZero();
        assertThat(books.get(Account.TRADE_DEBTORS)).isZero();
        assertThat(books.get(Account.BANK)).isEqualTo(10_000_000);
        assertThat(books.get(Account.CASH)).isEqualTo(27_625_000);
    }

    @Test
    void aCreditNoteBeyondWhatIsDueBecomesTheCustomersCreditWithItsVatOffVatPayable() {
        Map<Account, Long> books = new EnumMap<>(Account.class);
        apply(books, InvoicePostings.finalized(Kobo.of(10_750), Kobo.of(10_000), Kobo.of(750)));
        apply(books, InvoicePostings.payment(false, Kobo.of(10_750), Kobo.ZERO, Kobo.ZERO, open(books)));
        apply(books, InvoicePostings.creditNote(Kobo.of(10_000), Kobo.of(750), open(books)));
        assertThat(books.get(Account.CUSTOMER_CREDIT)).isEqualTo(-10_750);
        assertThat(books.getOrDefault(Account.VAT_PAYABLE, 0L)).isZero();
        assertThat(books.getOrDefault(Account.REVENUE, 0L)).isZero();
        assertThat(books.get(Account.TRADE_DEBTORS)).isZero();
    }

    /**
     * Random invoices through random payments, credit notes and voids, as the domain allows them: every posting
     * balances, the invoice's debtors are always its amount due, and a settled invoice leaves no VAT provision.
     */
    @Test
    void randomLifecyclesKeepDebtorsEqualToTheAmountDueAndLeaveNoProvisionOnASettledInvoice() {
        Random random = new Random(16);
        for (int run = 0; run < 5_000; run++) {
            Map<Account, Long> books = new EnumMap<>(Account.class);
            long net = 1 + random.nextInt(10_000_000);
            long vat = random.nextBoolean() ? Math.round(net * 0.075) : 0;
            long total = net + vat;
            long due = total;
            long creditable = total;
            apply(books, InvoicePostings.finalized(Kobo.of(total), Kobo.of(net), Kobo.of(vat)));
            boolean open = true;
            for (int step = 0; step < 6 && open; step++) {
                int action = random.nextInt(10);
                if (action < 6 && due > 0) {
                    long settled = random.nextInt(3) == 0 ? due : 1 + (long) (random.nextDouble() * due);
                    long withheld = random.nextBoolean() ? 0 : (long) (random.nextDouble() * settled * 0.1);
                    due -= settled;
                    apply(books, InvoicePostings.payment(random.nextBoolean(), Kobo.of(settled - withheld), Kobo.of(withheld), Kobo.of(due), open(books)));
                } else if (action < 9 && creditable > 0) {
                    long credit = 1 + (long) (random.nextDouble() * creditable);
                    long creditVat = Math.min(credit, Math.round(credit * vat / (double) total));
                    creditable -= credit;
                    due -= Math.min(credit, due);
                    apply(books, InvoicePostings.creditNote(Kobo.of(credit - creditVat), Kobo.of(creditVat), open(books)));
                } else if (due > 0) {
                    apply(books, InvoicePostings.voided(open(books)));
                    due = 0;
                    open = false;
                }
                assertThat(books.getOrDefault(Account.TRADE_DEBTORS, 0L)).as("run %d", run).isEqualTo(due);
                assertThat(books.getOrDefault(Account.VAT_PROVISION, 0L)).as("run %d", run).isLessThanOrEqualTo(0);
            }
            if (due == 0) {
                assertThat(books.getOrDefault(Account.VAT_PROVISION, 0L)).as("run %d", run).isZero();
            }
        }
    }

    private static OpenBalances open(Map<Account, Long> books) {
        return new OpenBalances(Kobo.of(books.getOrDefault(Account.TRADE_DEBTORS, 0L)), Kobo.of(-books.getOrDefault(Account.VAT_PROVISION, 0L)));
    }

    /** Adds the posting's lines to the books (debits positive); the entry itself proves it balances. */
    private static void apply(Map<Account, Long> books, Posting posting) {
        posting.entry(UUID.randomUUID(), TENANCY, LocalDate.now(), SourceType.PAYMENT, UUID.randomUUID(), null, null, "test", OffsetDateTime.now())
                .ifPresent(entry -> entry.lines().forEach(line -> books.merge(line.account(), line.debit().value() - line.credit().value(), Long::sum)));
    }
}
