package ng.risiti.invoice.taxreports.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a tax report files: a VAT return (FIRS VAT form figures) or a schedule of the WHT payers withheld. */
public enum TaxReportKind {
    VAT("VAT return"),
    WHT("WHT schedule");

    private final String title;

    TaxReportKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TaxReportKind> parse(String value) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(value.trim().toLowerCase(Locale.ROOT))).findFirst();
    }
}
