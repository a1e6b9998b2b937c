package ng.risiti.invoice.taxes.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import ng.risiti.invoice.taxes.domain.TaxRate;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.persistence.SessionSql;
import ng.risiti.platform.security.Tenancy;

/**
 * Tax rates a tenant may use: the system's and its own (in its world, not deleted). System rates change only by
 * migration (a deploy, which restarts the service), so they are read once and kept;
 * only a tenant's own rates are looked up per request (and only when a line names one).
 */
@ApplicationScoped
public class TaxRateRepository implements PanacheRepositoryBase<TaxRate, UUID> {

    private static final String VISIBLE = "(tenantId is null or (tenantId = :tenant and testMode = :test and deletedAt is null))";

    private volatile Map<UUID, TaxRate> systemRates;

    /**
     * The rates with these ids the tenant may price lines with. Its own are share-locked until the transaction ends:
     * a concurrent delete of one waits for this invoice's lines (and then refuses, the rate being in use), or, if it
     * came first, the rate is no longer found here.
     */
    public Uni<List<TaxRate>> usableBy(Tenancy tenancy, Collection<UUID> ids) {
        return system().flatMap(system -> {
            List<TaxRate> found = new ArrayList<>();
            List<UUID> others = new ArrayList<>();
            for (UUID id : ids) {
                TaxRate rate = system.get(id);
                if (rate != null) {
                    found.add(rate);
                } else {
                    others.add(id);
                }
            }
            if (others.isEmpty()) {
                return Uni.createFrom().item(found);
            }
            return find("id in :ids and tenantId = :tenant and testMode = :test and deletedAt is null", scope(tenancy).and("ids", others))
                    .withLock(LockModeType.PESSIMISTIC_READ).list().map(own -> {
                        found.addAll(own);
                        return found;
                    });
        });
    }

    /** The system's rates first (their ids are the lowest), then the tenant's own, oldest first; {@code after} is the last id of the previous page. */
    public Uni<List<TaxRate>> page(Tenancy tenancy, TaxRate.Kind kind, PageRequest page) {
        StringBuilder query = new StringBuilder(VISIBLE);
        Parameters parameters = scope(tenancy);
        if (kind != null) {
            query.append(" and kind = :kind");
            parameters.and("kind", kind);
        }
        if (page.after("id") != null) {
            query.append(" and id > :after");
            parameters.and("after", UUID.fromString(page.after("id")));
        }
        return find(query.append(" order by id").toString(), parameters).page(0, page.fetchSize()).list();
    }

    /** A system rate or one of the tenant's own, or null. */
    public Uni<TaxRate> visibleTo(Tenancy tenancy, UUID id) {
        return find(VISIBLE + " and id = :id", scope(tenancy).and("id", id)).firstResult();
    }

    /** One of the tenant's own rates, its row locked until the transaction ends; null for any other id. */
    public Uni<TaxRate> lockOwn(Tenancy tenancy, UUID id) {
        return find("id = :id and tenantId = :tenant and testMode = :test and deletedAt is null", scope(tenancy).and("id", id))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * Whether any invoice line (a draft's included) was priced with this tenant rate. The literal bound repeats the
     * partial index's predicate (V7, {@code invoice_lines_tenant_tax_rate}) so the planner may use it.
     */
    public Uni<Boolean> inUse(UUID id) {
        return SessionSql.value(Boolean.class, """
                select exists (select 1 from invoice_lines where tax_rate_id = $1 and tax_rate_id > '00000000-0000-7000-8000-000000000fff')
                    or exists (select 1 from invoices where wht_rate_id = $1)""", id);
    }

    /** Whether a system rate already has this name (case aside): a tenant's rate may not take it. */
    public Uni<Boolean> systemNameTaken(String name) {
        return system().map(rates -> rates.values().stream().anyMatch(rate -> rate.name.equalsIgnoreCase(name)));
    }

    private Uni<Map<UUID, TaxRate>> system() {
        Map<UUID, TaxRate> known = systemRates;
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return list("tenantId is null").map(rates -> {
            Map<UUID, TaxRate> loaded = rates.stream().collect(Collectors.toUnmodifiableMap(rate -> rate.id, Function.identity()));
            systemRates = loaded;
            return loaded;
        });
    }

    private static Parameters scope(Tenancy tenancy) {
        return Parameters.with("tenant", tenancy.tenantId()).and("test", tenancy.test());
    }
}
