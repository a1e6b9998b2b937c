package ng.risiti.invoice.taxreports.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A generated tax report: its kind, period and version, and its figures as stored when it was generated. */
public record TaxReport(UUID id, TaxReportKind kind, TaxPeriod period, int version, JsonNode figures, OffsetDateTime createdAt) {
}
