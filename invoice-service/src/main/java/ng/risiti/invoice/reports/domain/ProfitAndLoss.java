package ng.risiti.invoice.reports.domain;

import java.util.List;
import ng.risiti.invoice.expenses.domain.ExpenseCategory;
import ng.risiti.invoice.invoices.domain.Kobo;

/**
 * Revenue (what the Revenue account earned in the period, net of VAT: invoices finalized less credit notes and the
 * unpaid part of voids) against the expense accounts' movements, one per category with any.
 */
public record ProfitAndLoss(ReportPeriod period, Kobo revenue, List<CategoryAmount> expenses) {

    public record CategoryAmount(ExpenseCategory category, Kobo amount) {
    }

    public Kobo totalExpenses() {
        return expenses.stream().map(CategoryAmount::amount).reduce(Kobo.ZERO, Kobo::plus);
    }

    public Kobo netProfit() {
        return revenue.minus(totalExpenses());
    }
}
