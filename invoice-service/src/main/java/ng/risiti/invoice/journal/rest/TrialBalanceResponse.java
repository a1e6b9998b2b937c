package ng.risiti.invoice.journal.rest;

import java.time.LocalDate;
import java.util.List;
import ng.risiti.invoice.journal.domain.AccountBalance;
import ng.risiti.invoice.journal.domain.TrialBalance;

/**
 * {@code GET /api/v1/reports/trial-balance}: per account its debits, credits and balance (debits less credits: a
 * credit balance is negative), and totals whose balance is zero.
 */
public record TrialBalanceResponse(LocalDate asOf, String currency, List<Row> accounts, Totals totals) {

    public record Row(String code, String name, String type, String debit, long debitKobo, String credit, long creditKobo, String balance,
            long balanceKobo) {

        static Row of(AccountBalance row) {
            return new Row(row.account().code(), row.account().title(), row.account().kind().wireName(), row.debits().toNairaString(),
                    row.debits().value(), row.credits().toNairaString(), row.credits().value(), row.balance().toNairaString(), row.balance().value());
        }
    }

    public record Totals(String debit, long debitKobo, String credit, long creditKobo, String balance, long balanceKobo) {
    }

    public static TrialBalanceResponse of(TrialBalance balance) {
        var debits = balance.debits();
        var credits = balance.credits();
        var difference = debits.minus(credits);
        return new TrialBalanceResponse(balance.asOf(), "NGN", balance.accounts().stream().map(Row::of).toList(),
                new Totals(debits.toNairaString(), debits.value(), credits.toNairaString(), credits.value(), difference.toNairaString(), difference.value()));
    }
}
