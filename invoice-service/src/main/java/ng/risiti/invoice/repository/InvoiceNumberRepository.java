package ng.risiti.invoice.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Per-tenant, per-year invoice sequence; the upsert row lock makes concurrent creates take distinct values. */
@ApplicationScoped
public class InvoiceNumberRepository {

    public Uni<Long> next(UUID tenantId, int year) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        insert into invoice_number_counters (tenant_id, year, last_value) values (?1, ?2, 1)
                        on conflict (tenant_id, year) do update set last_value = invoice_number_counters.last_value + 1
                        returning last_value""", Long.class)
                .setParameter(1, tenantId)
                .setParameter(2, year)
                .getSingleResult());
    }
}
