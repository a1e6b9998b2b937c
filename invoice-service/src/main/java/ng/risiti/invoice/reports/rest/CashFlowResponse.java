package ng.risiti.invoice.reports.rest;

import java.time.LocalDate;
import java.util.List;
import ng.risiti.invoice.reports.domain.CashFlow;

/** {@code GET /api/v1/reports/cash-flow}: inflows, outflows and net per period, and over the whole range. */
public record CashFlowResponse(LocalDate from, LocalDate to, String currency, String interval, List<Period> periods, String totalInflows,
        long totalInflowsKobo, String totalOutflows, long totalOutflowsKobo, String netCashFlow, long netCashFlowKobo) {

    public record Period(LocalDate start, LocalDate end, String inflows, long inflowsKobo, String outflows, long outflowsKobo, String net,
            long netKobo) {
    }

    static CashFlowResponse of(CashFlow report) {
        var in = report.inflows();
        var out = report.outflows();
        var net = in.minus(out);
        return new CashFlowResponse(report.period().from(), report.period().to(), report.period().currency(), report.interval().wireName(),
                report.buckets().stream().map(bucket -> new Period(bucket.start(), bucket.end(), bucket.inflows().toNairaString(),
                        bucket.inflows().value(), bucket.outflows().toNairaString(), bucket.outflows().value(), bucket.net().toNairaString(),
                        bucket.net().value())).toList(),
                in.toNairaString(), in.value(), out.toNairaString(), out.value(), net.toNairaString(), net.value());
    }
}
