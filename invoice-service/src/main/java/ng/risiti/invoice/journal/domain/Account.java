package ng.risiti.invoice.journal.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The chart of accounts: system accounts keyed by code, the same for every tenant (V13 seeds {@code ledger_accounts}
 * with exactly these rows). Expenses have one account per category.
 */
public enum Account {
    BANK("1000", "Bank", Kind.ASSET),
    CASH("1010", "Cash", Kind.ASSET),
    TRADE_DEBTORS("1100", "Trade Debtors", Kind.ASSET),
    WHT_RECEIVABLE("1200", "WHT Receivable", Kind.ASSET),
    INPUT_VAT("1300", "Input VAT", Kind.ASSET),
    /** Output VAT on invoices not yet paid: it becomes due (VAT Payable) as the customer pays. */
    VAT_PROVISION("2100", "VAT Provision", Kind.LIABILITY),
    VAT_PAYABLE("2200", "VAT Payable", Kind.LIABILITY),
    /** What credit notes credited beyond an invoice's amount due: owed back to the customer. */
    CUSTOMER_CREDIT("2300", "Customer Credit", Kind.LIABILITY),
    REVENUE("4000", "Revenue", Kind.INCOME),
    EXPENSES_RENT("6000", "Expenses: Rent", Kind.EXPENSE),
    EXPENSES_UTILITIES("6010", "Expenses: Utilities", Kind.EXPENSE),
    EXPENSES_SALARIES("6020", "Expenses: Salaries", Kind.EXPENSE),
    EXPENSES_TRANSPORT("6030", "Expenses: Transport", Kind.EXPENSE),
    EXPENSES_SUPPLIES("6040", "Expenses: Supplies", Kind.EXPENSE),
    EXPENSES_PROFESSIONAL_FEES("6050", "Expenses: Professional fees", Kind.EXPENSE),
    EXPENSES_MARKETING("6060", "Expenses: Marketing", Kind.EXPENSE),
    EXPENSES_BANK_CHARGES("6070", "Expenses: Bank charges", Kind.EXPENSE),
    EXPENSES_EQUIPMENT("6080", "Expenses: Equipment", Kind.EXPENSE),
    EXPENSES_OTHER("6090", "Expenses: Other", Kind.EXPENSE);

    public enum Kind {
        ASSET, LIABILITY, INCOME, EXPENSE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String code;
    private final String title;
    private final Kind kind;

    Account(String code, String title, Kind kind) {
        this.code = code;
        this.title = title;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Kind kind() {
        return kind;
    }

    public static Optional<Account> ofCode(String code) {
        return Arrays.stream(values()).filter(account -> account.code.equals(code)).findFirst();
    }
}
