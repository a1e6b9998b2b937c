package ng.risiti.invoice.reports.rest;

import java.time.LocalDate;
import ng.risiti.invoice.reports.domain.TaxSummary;

/** {@code GET /api/v1/reports/tax-summary}: output VAT (charged, due, still provisioned), input VAT, net payable, WHT suffered. */
public record TaxSummaryResponse(LocalDate from, LocalDate to, String currency, String outputVat, long outputVatKobo, String outputVatDue,
        long outputVatDueKobo, String vatProvision, long vatProvisionKobo, String inputVat, long inputVatKobo, String netPayable, long netPayableKobo,
        String whtSuffered, long whtSufferedKobo) {

    static TaxSummaryResponse of(TaxSummary report) {
        return new TaxSummaryResponse(report.period().from(), report.period().to(), report.period().currency(), report.outputVat().toNairaString(),
                report.outputVat().value(), report.outputVatDue().toNairaString(), report.outputVatDue().value(), report.vatProvision().toNairaString(),
                report.vatProvision().value(), report.inputVat().toNairaString(), report.inputVat().value(), report.netPayable().toNairaString(),
                report.netPayable().value(), report.whtSuffered().toNairaString(), report.whtSuffered().value());
    }
}
