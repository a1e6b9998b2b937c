package ng.risiti.invoice.reports.rest;

import java.util.ArrayList;
import java.util.List;
import ng.risiti.invoice.invoices.domain.Currencies;
import ng.risiti.invoice.reports.domain.ReportPeriod;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.FieldError;
import ng.risiti.platform.pagination.DayRange;

/** The {@code from}, {@code to} and {@code currency} every report takes (seed 002, Reports), or 400 naming each bad one. */
final class ReportParameters {

    private ReportParameters() {
    }

    static ReportPeriod period(String from, String to, String currency) {
        List<FieldError> problems = new ArrayList<>();
        DayRange dates = DayRange.parse(from, to, problems);
        String asked = currency == null || currency.isBlank() ? null : currency.trim();
        try {
            asked = Currencies.of(asked);
        } catch (ApiException e) {
            problems.addAll(e.details());
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return new ReportPeriod(dates.from(), dates.to(), asked);
    }
}
