package ng.risiti.invoice.journal.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.journal.domain.JournalEntry;
import ng.risiti.invoice.journal.domain.JournalLine;

/** A journal entry as the API shows it: its source, its lines (naira strings and kobo twins) and its totals. */
public record JournalEntryResponse(UUID id, LocalDate date, String sourceType, UUID sourceId, UUID invoiceId, UUID expenseId, UUID reversesEntryId,
        String memo, List<Line> lines, String totalDebit, long totalDebitKobo, String totalCredit, long totalCreditKobo, OffsetDateTime createdAt) {

    public record Line(String accountCode, String accountName, String accountType, String debit, long debitKobo, String credit, long creditKobo) {

        static Line of(JournalLine line) {
            return new Line(line.account().code(), line.account().title(), line.account().kind().wireName(), line.debit().toNairaString(),
                    line.debit().value(), line.credit().toNairaString(), line.credit().value());
        }
    }

    public static JournalEntryResponse of(JournalEntry entry) {
        return new JournalEntryResponse(entry.id(), entry.date(), entry.source().wireName(), entry.sourceId(), entry.invoiceId(), entry.expenseId(),
                entry.reversesEntryId(), entry.memo(), entry.lines().stream().map(Line::of).toList(), entry.totalDebit().toNairaString(),
                entry.totalDebit().value(), entry.totalCredit().toNairaString(), entry.totalCredit().value(), entry.createdAt());
    }
}
