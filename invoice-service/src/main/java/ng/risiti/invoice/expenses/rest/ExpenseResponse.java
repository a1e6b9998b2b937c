package ng.risiti.invoice.expenses.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.invoice.expenses.domain.Expense;

/** An expense as the API shows it: naira strings with kobo twins; {@code journal_entry_id} is its current posting. */
public record ExpenseResponse(UUID id, LocalDate date, String supplier, String category, String amount, long amountKobo, String vatAmount,
        long vatAmountKobo, String total, long totalKobo, String paymentMethod, String paymentMeansCode, String reference, String notes,
        UUID journalEntryId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static ExpenseResponse of(Expense expense) {
        return new ExpenseResponse(expense.id, expense.date, expense.supplier, expense.category.wireName(), expense.amount.toNairaString(),
                expense.amount.value(), expense.vat.toNairaString(), expense.vat.value(), expense.total().toNairaString(), expense.total().value(),
                expense.method.word(), expense.method.code(), expense.reference, expense.notes, expense.journalEntryId, expense.createdAt,
                expense.updatedAt);
    }
}
