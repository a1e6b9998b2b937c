package ng.risiti.billing.usage.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import ng.risiti.platform.persistence.JsonRows;
import ng.risiti.platform.persistence.SessionSql;
import ng.risiti.platform.security.Tenancy;

/** API-key calls per tenant, world and UTC day ({@code api_usage_days}); invoices created per month ({@code invoice_usage_months}). */
@ApplicationScoped
public class UsageRepository {

    /** Adds {@code calls} to the day; answers the day's total after. Joins the caller's transaction. */
    public Uni<Long> add(Tenancy tenancy, LocalDate day, long calls) {
        return SessionSql.value(Long.class, """
                insert into api_usage_days as u (tenant_id, test_mode, day, calls) values ($1, $2, $3, $4)
                on conflict (tenant_id, test_mode, day) do update set calls = u.calls + excluded.calls
                returning calls""", tenancy.tenantId(), tenancy.test(), day, calls);
    }

    /** Calls from {@code from} to {@code to}, both included. */
    public Uni<Long> calls(Tenancy tenancy, LocalDate from, LocalDate to) {
        return SessionSql.value(Long.class, """
                select coalesce(sum(calls), 0)::bigint from api_usage_days
                where tenant_id = $1 and test_mode = $2 and day between $3 and $4""", tenancy.tenantId(), tenancy.test(), from, to);
    }

    private static final List<String> COUNT_COLUMNS = List.of("tenant_id", "test_mode", "month", "invoices");

    /** Invoices created in a tenant's world and month. */
    public record InvoicesCreated(Tenancy tenancy, LocalDate month, long invoices) {
    }

    /** Adds each count to its month, in one statement. Joins the caller's transaction. */
    public Uni<Integer> invoicesCreated(List<InvoicesCreated> counts) {
        if (counts.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return SessionSql.update("""
                insert into invoice_usage_months as u (tenant_id, test_mode, month, invoices)
                select tenant_id, test_mode, month, invoices from json_populate_recordset(null::invoice_usage_months, $1::text::json)
                on conflict (tenant_id, test_mode, month) do update set invoices = u.invoices + excluded.invoices""",
                JsonRows.of(COUNT_COLUMNS, counts.stream().map(count -> new Object[] {count.tenancy().tenantId(), count.tenancy().test(),
                        count.month(), count.invoices()}).toList()));
    }

    /** Invoices created in the month, and ever (the storage estimate's basis). */
    public Uni<long[]> invoices(Tenancy tenancy, LocalDate month) {
        return SessionSql.rows("""
                select coalesce(sum(invoices) filter (where month = $3), 0)::bigint, coalesce(sum(invoices), 0)::bigint
                from invoice_usage_months where tenant_id = $1 and test_mode = $2""", tenancy.tenantId(), tenancy.test(), month)
                .map(rows -> new long[] {(Long) rows.get(0)[0], (Long) rows.get(0)[1]});
    }
}
