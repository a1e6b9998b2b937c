package ng.risiti.invoice.reports.rest;

import java.time.LocalDate;
import java.util.List;
import ng.risiti.invoice.reports.domain.ProfitAndLoss;

/** {@code GET /api/v1/reports/profit-loss}: revenue, expenses by category and net profit, naira strings with kobo twins. */
public record ProfitLossResponse(LocalDate from, LocalDate to, String currency, String revenue, long revenueKobo, List<Expense> expenses,
        String totalExpenses, long totalExpensesKobo, String netProfit, long netProfitKobo) {

    public record Expense(String category, String amount, long amountKobo) {
    }

    static ProfitLossResponse of(ProfitAndLoss report) {
        return new ProfitLossResponse(report.period().from(), report.period().to(), report.period().currency(), report.revenue().toNairaString(),
                report.revenue().value(), report.expenses().stream()
                        .map(row -> new Expense(row.category().wireName(), row.amount().toNairaString(), row.amount().value())).toList(),
                report.totalExpenses().toNairaString(), report.totalExpenses().value(), report.netProfit().toNairaString(), report.netProfit().value());
    }
}
