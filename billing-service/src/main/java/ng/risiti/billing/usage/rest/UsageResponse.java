package ng.risiti.billing.usage.rest;

import java.time.LocalDate;
import ng.risiti.billing.entitlements.service.EntitlementsPublisher;
import ng.risiti.billing.usage.service.UsageReport;

/** {@code GET /billing/usage}: a limit of null means the plan has none. */
public record UsageResponse(String planSlug, LocalDate periodStart, LocalDate periodEnd, ApiCalls apiCalls, Invoices invoices, Storage storage) {

    /** API-key calls (dashboard calls are not counted); {@code included_per_day} are free, the rest cost credits. */
    public record ApiCalls(long today, long thisPeriod, Integer limitPerDay, Integer burstPerMinute, int includedPerDay) {
    }

    public record Invoices(long created, Integer limit) {
    }

    /** Estimated from the invoices kept (docs/specification.md, Billing). */
    public record Storage(long usedBytes, boolean estimated) {
    }

    public static UsageResponse of(UsageReport.Usage usage) {
        return new UsageResponse(usage.plan().slug, usage.periodStart(), usage.periodEnd(),
                new ApiCalls(usage.callsToday(), usage.callsThisPeriod(), usage.plan().apiCallsPerDay, usage.plan().burstPerMinute,
                        EntitlementsPublisher.includedCallsPerDay(usage.plan())),
                new Invoices(usage.invoicesThisPeriod(), usage.plan().invoicesPerMonth), new Storage(usage.storageBytes(), true));
    }
}
