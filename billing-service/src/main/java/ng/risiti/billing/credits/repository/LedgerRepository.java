package ng.risiti.billing.credits.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.billing.credits.domain.EntryKind;
import ng.risiti.billing.credits.domain.LedgerEntry;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.persistence.SessionSql;
import ng.risiti.platform.security.Tenancy;

/** The credit ledger, append-only: no statement here updates or deletes an entry. */
@ApplicationScoped
public class LedgerRepository {

    private static final String COLUMNS = "id, tenant_id, test_mode, kind, amount_kobo, source_id, description, created_at";

    /**
     * Serializes the wallet's writers for this transaction (a charge must see every entry before it, or two charges
     * could both spend the last naira). A transaction-scoped advisory lock: there is no wallet row to lock.
     */
    public Uni<Void> lockWallet(Tenancy tenancy) {
        return SessionSql.rows("select pg_advisory_xact_lock(hashtextextended($1, 0))", "credits:" + tenancy.tenantId() + ":" + tenancy.test())
                .replaceWithVoid();
    }

    /** The balance (sum of entries) and the trial calls used, from the same snapshot. */
    public Uni<long[]> totals(Tenancy tenancy) {
        return SessionSql.rows("select coalesce(sum(amount_kobo), 0)::bigint, count(*) filter (where kind = 'trial_call')"
                        + " from credit_ledger where tenant_id = $1 and test_mode = $2", tenancy.tenantId(), tenancy.test())
                .map(rows -> new long[] {((Number) rows.getFirst()[0]).longValue(), ((Number) rows.getFirst()[1]).longValue()});
    }

    public Uni<LedgerEntry> bySource(Tenancy tenancy, String sourceId) {
        return SessionSql.rows("select " + COLUMNS + " from credit_ledger where tenant_id = $1 and test_mode = $2 and source_id = $3",
                tenancy.tenantId(), tenancy.test(), sourceId).map(rows -> rows.isEmpty() ? null : of(rows.getFirst()));
    }

    /** Appends the entry unless its source already has one; true if it was appended. */
    public Uni<Boolean> append(LedgerEntry e) {
        return SessionSql.rows("insert into credit_ledger (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8)"
                        + " on conflict (tenant_id, test_mode, source_id) do nothing returning id",
                e.id(), e.tenantId(), e.testMode(), e.kind().wireName(), e.amountKobo(), e.sourceId(), e.description(), e.createdAt())
                .map(rows -> !rows.isEmpty());
    }

    /** Newest first, from the cursor's position. */
    public Uni<List<LedgerEntry>> page(Tenancy tenancy, PageRequest page) {
        if (page.first()) {
            return list("select " + COLUMNS + " from credit_ledger where tenant_id = $1 and test_mode = $2 order by created_at desc, id desc limit $3",
                    tenancy.tenantId(), tenancy.test(), page.fetchSize());
        }
        return list("select " + COLUMNS + " from credit_ledger where tenant_id = $1 and test_mode = $2 and (created_at, id) < ($3, $4)"
                        + " order by created_at desc, id desc limit $5", tenancy.tenantId(), tenancy.test(),
                OffsetDateTime.parse(page.after("created_at")), UUID.fromString(page.after("id")), page.fetchSize());
    }

    private static Uni<List<LedgerEntry>> list(String sql, Object... parameters) {
        return SessionSql.rows(sql, parameters).map(rows -> rows.stream().map(LedgerRepository::of).toList());
    }

    private static LedgerEntry of(Object[] row) {
        return new LedgerEntry((UUID) row[0], (UUID) row[1], (Boolean) row[2], EntryKind.of((String) row[3]), ((Number) row[4]).longValue(),
                (String) row[5], (String) row[6], (OffsetDateTime) row[7]);
    }
}
