package ng.risiti.invoice.invoices.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import ng.risiti.invoice.invoices.domain.InvoiceStats;
import ng.risiti.invoice.invoices.domain.InvoiceStatus;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.platform.persistence.SessionSql;
import ng.risiti.platform.security.Tenancy;

/**
 * The SQL behind GET /invoices/stats. Per-status figures come from {@code invoice_status_totals} plus the changes V7's
 * trigger appended since the last fold, never from reading every invoice; drafts, overdue and this month's figures from
 * V7's indexes (drafts and open invoices are few; a month's invoices are a month's).
 */
@ApplicationScoped
public class InvoiceStatsRepository {

    /** One statement, so every figure is of the same moment. The {@code #} rows are not statuses. */
    private static final String FIGURES = """
            select status, sum(invoices)::bigint, sum(net_kobo)::bigint, sum(due_kobo)::bigint from (
                select status, invoices, net_kobo, due_kobo from invoice_status_totals where tenant_id = $1 and test_mode = $2
                union all
                select status, invoices, net_kobo, due_kobo from invoice_status_changes where tenant_id = $1 and test_mode = $2
                union all
                select 'DRAFT', count(*), 0, 0 from invoices where tenant_id = $1 and test_mode = $2 and status = 'DRAFT' and deleted_at is null
                union all
                select '#overdue', count(*), 0, coalesce(sum(amount_due_kobo), 0) from invoices
                where tenant_id = $1 and test_mode = $2 and %s and due_date < $3
                union all
                select '#month', count(*), coalesce(sum(total_kobo - credited_kobo), 0), 0 from invoices
                where tenant_id = $1 and test_mode = $2 and type = 'INVOICE' and status in ('FINALIZED', 'SENT', 'PARTIAL', 'PAID')
                  and issue_date >= $4 and issue_date < $5
            ) figures group by status""".formatted(InvoiceRepository.OPEN);

    /**
     * Moves the oldest changes into the totals, in one statement (so a reader sees them in one place or the other,
     * never both). Replicas folding at once take disjoint changes (skip locked) and upsert totals in key order, so
     * they cannot deadlock. The ids are an array computed once: as {@code id in (select ...)}, statistics taken while the
     * queue was empty made the planner rescan the locking subquery for every queued row (5,000 changes: 3.7 s instead of
     * 6 ms; a fold of 95,000 ran for 18 minutes). Answers how many changes it moved.
     */
    private static final String FOLD = """
            with moved as (
                delete from invoice_status_changes where id = any(array(
                    select id from invoice_status_changes order by id limit $1 for update skip locked))
                returning tenant_id, test_mode, status, invoices, net_kobo, due_kobo),
            folded as (
                insert into invoice_status_totals as t (tenant_id, test_mode, status, invoices, net_kobo, due_kobo)
                select tenant_id, test_mode, status, sum(invoices), sum(net_kobo), sum(due_kobo) from moved
                group by tenant_id, test_mode, status order by tenant_id, test_mode, status
                on conflict (tenant_id, test_mode, status) do update set invoices = t.invoices + excluded.invoices,
                    net_kobo = t.net_kobo + excluded.net_kobo, due_kobo = t.due_kobo + excluded.due_kobo)
            select count(*) from moved""";

    private final Pool pool;
    /** Whether the payments table exists yet (see {@link #collected}); a migration that adds it restarts the service. */
    private volatile Boolean paymentsRecorded;

    public InvoiceStatsRepository(Pool pool) {
        this.pool = pool;
    }

    /** Per-status totals, and the overdue and this month's figures, of one tenant's world. Runs in the caller's session. */
    public Uni<Figures> figures(Tenancy tenancy, LocalDate today, LocalDate monthStart, LocalDate nextMonthStart) {
        return SessionSql.rows(FIGURES, tenancy.tenantId(), tenancy.test(), today, monthStart, nextMonthStart).map(rows -> {
            Map<InvoiceStatus, InvoiceStats.StatusTotal> byStatus = new EnumMap<>(InvoiceStatus.class);
            Figures figures = new Figures(byStatus, Kobo.ZERO, 0, Kobo.ZERO, 0);
            for (Object[] row : rows) {
                String status = (String) row[0];
                long invoices = (Long) row[1];
                Kobo net = Kobo.of((Long) row[2]);
                Kobo due = Kobo.of((Long) row[3]);
                switch (status) {
                    case "#overdue" -> figures = new Figures(byStatus, due, invoices, figures.monthInvoiced(), figures.monthInvoices());
                    case "#month" -> figures = new Figures(byStatus, figures.overdue(), figures.overdueCount(), net, invoices);
                    default -> {
                        // a status this version does not know (a newer replica's) is left out rather than failing the figures
                        for (InvoiceStatus known : InvoiceStatus.values()) {
                            if (known.name().equals(status)) {
                                byStatus.put(known, new InvoiceStats.StatusTotal(invoices, net, due));
                            }
                        }
                    }
                }
            }
            return figures;
        });
    }

    /**
     * SEAM (issue 12): what payments dated in {@code [from, until)} collected. Payments are recorded by the payments
     * context, whose migration creates {@code payments(tenant_id, test_mode, invoice_id, amount_kobo, paid_on, ...)};
     * until that table exists nothing has been collected, which is then exact. Runs in the caller's session.
     */
    public Uni<Kobo> collected(Tenancy tenancy, LocalDate from, LocalDate until) {
        Uni<Boolean> recorded = paymentsRecorded != null ? Uni.createFrom().item(paymentsRecorded)
                : SessionSql.value(Boolean.class, "select to_regclass('payments') is not null").invoke(exists -> paymentsRecorded = exists);
        return recorded.flatMap(exists -> !exists ? Uni.createFrom().item(Kobo.ZERO)
                : SessionSql.value(Long.class, """
                        select coalesce(sum(amount_kobo), 0)::bigint from payments
                        where tenant_id = $1 and test_mode = $2 and paid_on >= $3 and paid_on < $4""",
                        tenancy.tenantId(), tenancy.test(), from, until).map(Kobo::of));
    }

    /** Folds up to {@code batch} changes; answers how many it moved. */
    public Uni<Long> fold(int batch) {
        return pool.preparedQuery(FOLD).execute(Tuple.of(batch)).map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * Clears the changes table's dead rows. It is a queue: every fold deletes what the trigger appended, and until a
     * vacuum the figures' index scan wades through the deleted entries (measured: 54 ms to find none after a fold of
     * 95,000 changes, instead of a few hundredths). Skips a vacuum another replica is running.
     */
    public Uni<Void> vacuumChanges() {
        return pool.query("vacuum (skip_locked) invoice_status_changes").execute().replaceWithVoid();
    }

    /** What {@link #figures} read, before payments and the month's bounds join it. */
    public record Figures(Map<InvoiceStatus, InvoiceStats.StatusTotal> byStatus, Kobo overdue, long overdueCount, Kobo monthInvoiced,
            long monthInvoices) {
    }
}
