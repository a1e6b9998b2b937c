package ng.risiti.invoice.invoices.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import ng.risiti.invoice.invoices.domain.InvoiceStats;
import ng.risiti.invoice.invoices.repository.InvoiceStatsRepository;
import ng.risiti.platform.security.Caller;
import org.jboss.logging.Logger;

/**
 * GET /invoices/stats, exact at any moment and as fast at 100,000 invoices as at ten (bench/README.md,
 * InvoiceStatsLatency); and the fold that keeps the changes it reads few.
 */
@ApplicationScoped
public class InvoiceStatsService {

    private static final Logger LOG = Logger.getLogger(InvoiceStatsService.class);
    /** The businesses invoicing here are in Nigeria: their "today" and "this month" are Lagos's. */
    private static final ZoneId LAGOS = ZoneId.of("Africa/Lagos");
    private static final int FOLD_BATCH = 10_000;
    /** Enough for a burst of bulk writes in one run, not enough to hold the scheduler's thread for long. */
    private static final int FOLD_BATCHES_PER_RUN = 20;

    private final InvoiceStatsRepository stats;
    private final Clock clock;

    public InvoiceStatsService(InvoiceStatsRepository stats, Clock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    public Uni<InvoiceStats> of(Caller caller) {
        LocalDate today = LocalDate.now(clock.withZone(LAGOS));
        YearMonth month = YearMonth.from(today);
        LocalDate monthStart = month.atDay(1);
        LocalDate nextMonthStart = month.plusMonths(1).atDay(1);
        return Panache.withSession(() -> stats.figures(caller.tenancy(), today, monthStart, nextMonthStart)
                .flatMap(figures -> stats.collected(caller.tenancy(), monthStart, nextMonthStart)
                        .map(collected -> InvoiceStats.of(figures.byStatus(), figures.overdue(), figures.overdueCount(), month,
                                figures.monthInvoiced(), figures.monthInvoices(), collected, today))));
    }

    /**
     * Safe in every replica at once (see the repository's fold); a run that finds nothing to do costs one statement, one
     * that moved changes vacuums what they left behind. A vacuum that fails (a database role without the right to) leaves
     * it to autovacuum: the figures stay exact, only slower to read.
     */
    @Scheduled(identity = "invoice-stats-fold", every = "${risiti.invoice.stats.fold-interval:10s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> fold() {
        return fold(FOLD_BATCHES_PER_RUN, 0).flatMap(moved -> moved == 0 ? Uni.createFrom().voidItem()
                : stats.vacuumChanges().onFailure().invoke(failure -> LOG.warnf("Vacuum of invoice_status_changes failed: %s", failure.toString()))
                        .onFailure().recoverWithNull());
    }

    private Uni<Long> fold(int batchesLeft, long movedSoFar) {
        return stats.fold(FOLD_BATCH).flatMap(moved -> moved == FOLD_BATCH && batchesLeft > 1 ? fold(batchesLeft - 1, movedSoFar + moved)
                : Uni.createFrom().item(movedSoFar + moved));
    }
}
