package ng.risiti.invoice.expenses.service;

import java.time.LocalDate;
import ng.risiti.invoice.expenses.domain.ExpenseCategory;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.payments.domain.PaymentMethod;
import ng.risiti.platform.rest.Change;

/**
 * What a POST sets or a PATCH changes on an expense, validated: a null field is one the request left out (a POST's
 * defaults are filled in by the resource); {@code reference} and {@code notes} are changes, as they may be cleared.
 */
public record ExpenseFields(LocalDate date, String supplier, ExpenseCategory category, Kobo amount, Kobo vat, PaymentMethod method,
        Change<String> reference, Change<String> notes) {

    /** Whether the change moves the books: anything the journal entry carries. */
    public boolean postsAgain() {
        return date != null || supplier != null || category != null || amount != null || vat != null || method != null;
    }
}
