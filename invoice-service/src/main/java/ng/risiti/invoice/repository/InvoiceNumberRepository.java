package ng.risiti.invoice.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.platform.security.Tenancy;

/** Per-tenant, per-world, per-year invoice sequence; the upsert row lock makes concurrent creates take distinct values. */
@ApplicationScoped
public class InvoiceNumberRepository {

    public Uni<Long> next(Tenancy tenancy, int year) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        insert into invoice_number_counters (tenant_id, test_mode, year, last_value) values (?1, ?2, ?3, 1)
                        on conflict (tenant_id, test_mode, year) do update set last_value = invoice_number_counters.last_value + 1
                        returning last_value""", Long.class)
                .setParameter(1, tenancy.tenantId())
                .setParameter(2, tenancy.test())
                .setParameter(3, year)
                .getSingleResult());
    }
}
