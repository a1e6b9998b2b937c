package ng.risiti.invoice.taxreports.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.invoice.taxreports.domain.TaxReport;

/**
 * A generated tax report: kind, period ({@code period} the month when it is one), version, its figures as stored
 * (naira strings with {@code _kobo} twins) and where its PDF is.
 */
public record TaxReportResponse(UUID id, String kind, String title, String period, LocalDate from, LocalDate to, int version, JsonNode figures,
        String pdfUrl, OffsetDateTime createdAt) {

    static TaxReportResponse of(TaxReport report) {
        return new TaxReportResponse(report.id(), report.kind().wireName(), report.kind().title() + " " + report.period().label(),
                report.period().month(), report.period().from(), report.period().to(), report.version(), report.figures(),
                "/api/v1/tax-reports/" + report.id() + "/pdf", report.createdAt());
    }
}
