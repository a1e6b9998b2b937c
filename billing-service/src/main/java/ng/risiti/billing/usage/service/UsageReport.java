package ng.risiti.billing.usage.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import ng.risiti.billing.entitlements.service.EntitlementsPublisher;
import ng.risiti.billing.plans.domain.Plan;
import ng.risiti.billing.usage.repository.UsageRepository;
import ng.risiti.platform.security.Tenancy;

/** What a tenant used this period (the UTC calendar month) against its plan's limits: {@code GET /billing/usage}. */
@ApplicationScoped
public class UsageReport {

    /**
     * Storage is estimated, not measured: an invoice with its lines, events, journal postings and receipt rows takes
     * about this much; PDFs and XML are rendered on demand and never stored.
     */
    public static final long BYTES_PER_INVOICE = 4096;

    /** The period's figures; limits are null where the plan has none. */
    public record Usage(Plan plan, LocalDate periodStart, LocalDate periodEnd, long callsToday, long callsThisPeriod, long invoicesThisPeriod,
            long storageBytes) {
    }

    private final UsageRepository usage;
    private final EntitlementsPublisher entitlements;
    private final Clock clock;

    public UsageReport(UsageRepository usage, EntitlementsPublisher entitlements, Clock clock) {
        this.usage = usage;
        this.entitlements = entitlements;
        this.clock = clock;
    }

    public Uni<Usage> of(Tenancy tenancy) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate start = today.withDayOfMonth(1);
        return Panache.withSession(() -> entitlements.plan(tenancy).flatMap(plan -> usage.calls(tenancy, today, today)
                .flatMap(callsToday -> usage.calls(tenancy, start, today)
                        .flatMap(callsThisPeriod -> usage.invoices(tenancy, start)
                                .map(invoices -> new Usage(plan, start, start.plusMonths(1).minusDays(1), callsToday, callsThisPeriod, invoices[0],
                                        invoices[1] * BYTES_PER_INVOICE))))));
    }

    /** {@code invoice.created} events, counted per world and month; joins the consumer's transaction. */
    public Uni<Void> invoicesCreated(List<UsageRepository.InvoicesCreated> counts) {
        return usage.invoicesCreated(counts).replaceWithVoid();
    }
}
