package ng.risiti.invoice.expenses.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import ng.risiti.invoice.journal.domain.Account;

/** What an expense was for; each category has its own expense account in the chart of accounts. */
public enum ExpenseCategory {
    RENT(Account.EXPENSES_RENT),
    UTILITIES(Account.EXPENSES_UTILITIES),
    SALARIES(Account.EXPENSES_SALARIES),
    TRANSPORT(Account.EXPENSES_TRANSPORT),
    SUPPLIES(Account.EXPENSES_SUPPLIES),
    PROFESSIONAL_FEES(Account.EXPENSES_PROFESSIONAL_FEES),
    MARKETING(Account.EXPENSES_MARKETING),
    BANK_CHARGES(Account.EXPENSES_BANK_CHARGES),
    EQUIPMENT(Account.EXPENSES_EQUIPMENT),
    OTHER(Account.EXPENSES_OTHER);

    private final Account account;

    ExpenseCategory(Account account) {
        this.account = account;
    }

    public Account account() {
        return account;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExpenseCategory> parse(String value) {
        return Arrays.stream(values()).filter(category -> category.wireName().equals(value.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    public static String choices() {
        return String.join(", ", Arrays.stream(values()).map(ExpenseCategory::wireName).toList());
    }
}
