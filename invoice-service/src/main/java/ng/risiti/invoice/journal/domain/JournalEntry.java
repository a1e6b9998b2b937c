package ng.risiti.invoice.journal.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.platform.security.Tenancy;

/**
 * A double-entry journal entry: balanced by construction (at least two lines, debits equal credits to the kobo, or it
 * cannot be made; the database checks the same at commit) and never changed once posted: a correction is a reversing
 * entry ({@link #reversal}).
 *
 * @param invoiceId the invoice whose open balances (Trade Debtors, VAT Provision) the entry moves, if any
 * @param expenseId the expense it records, if any
 */
public record JournalEntry(UUID id, Tenancy tenancy, LocalDate date, SourceType source, UUID sourceId, UUID invoiceId, UUID expenseId,
        UUID reversesEntryId, String memo, OffsetDateTime createdAt, List<JournalLine> lines) {

    public JournalEntry {
        lines = List.copyOf(lines);
        if (lines.size() < 2) {
            throw new IllegalArgumentException("a journal entry needs at least two lines: " + memo);
        }
        if (!totalDebit(lines).equals(totalCredit(lines))) {
            throw new IllegalArgumentException("journal entry '" + memo + "' does not balance: debits " + totalDebit(lines).value()
                    + " kobo, credits " + totalCredit(lines).value() + " kobo");
        }
    }

    public Kobo totalDebit() {
        return totalDebit(lines);
    }

    public Kobo totalCredit() {
        return totalCredit(lines);
    }

    /** The same lines with debits and credits swapped, dated {@code date}, recorded as the correction of this entry. */
    public JournalEntry reversal(UUID id, UUID sourceId, LocalDate date, String memo, OffsetDateTime at) {
        List<JournalLine> swapped = lines.stream().map(line -> new JournalLine(line.account(), line.credit(), line.debit())).toList();
        return new JournalEntry(id, tenancy, date, source, sourceId, invoiceId, expenseId, this.id, memo, at, swapped);
    }

    private static Kobo totalDebit(List<JournalLine> lines) {
        return lines.stream().map(JournalLine::debit).reduce(Kobo.ZERO, Kobo::plus);
    }

    private static Kobo totalCredit(List<JournalLine> lines) {
        return lines.stream().map(JournalLine::credit).reduce(Kobo.ZERO, Kobo::plus);
    }
}
