package ng.risiti.invoice.taxreports.rest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import ng.risiti.invoice.taxreports.domain.TaxPeriod;
import ng.risiti.invoice.taxreports.domain.TaxReportKind;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.FieldError;
import ng.risiti.platform.pagination.DayRange;

/**
 * {@code POST /api/v1/tax-reports/generate}: {@code kind} vat (default) or wht, and the period as a month
 * ({@code "2026-04"}) or as {@code from} and {@code to} dates, not both; at most a year, not starting after today.
 */
public record GenerateTaxReportRequest(String kind, String period, String from, String to) {

    /** A period longer than this is no filing period; a year is the longest anyone files (an annual WHT summary). */
    static final int MAX_DAYS = 366;

    record Parsed(TaxReportKind kind, TaxPeriod period) {
    }

    Parsed parse(LocalDate today) {
        List<FieldError> problems = new ArrayList<>();
        TaxReportKind reportKind = kind == null || kind.isBlank() ? TaxReportKind.VAT : TaxReportKind.parse(kind).orElse(null);
        if (reportKind == null) {
            problems.add(new FieldError("kind", "kind must be vat or wht"));
        }
        TaxPeriod days = null;
        boolean range = present(from) || present(to);
        if (present(period) && range) {
            problems.add(new FieldError("period", "give period or from and to, not both"));
        } else if (present(period)) {
            try {
                days = TaxPeriod.of(YearMonth.parse(period.trim()));
            } catch (DateTimeParseException e) {
                problems.add(new FieldError("period", "period must be a month such as 2026-04"));
            }
        } else if (range) {
            DayRange dates = DayRange.parse(from, to, problems);
            if (dates.from() == null && problems.isEmpty()) {
                problems.add(new FieldError("from", "from is required with to"));
            } else if (dates.to() == null && problems.isEmpty()) {
                problems.add(new FieldError("to", "to is required with from"));
            } else if (problems.isEmpty()) {
                days = TaxPeriod.of(dates.from(), dates.to());
            }
        } else {
            problems.add(new FieldError("period", "period (such as 2026-04) or from and to are required"));
        }
        if (days != null && days.from().plusDays(MAX_DAYS).isBefore(days.to().plusDays(1))) {
            problems.add(new FieldError(present(period) ? "period" : "to", "a tax report covers at most " + MAX_DAYS + " days"));
        }
        if (days != null && days.from().isAfter(today)) {
            problems.add(new FieldError(present(period) ? "period" : "from", "the period has not started yet"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return new Parsed(reportKind, days);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
