package ng.risiti.invoice.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.domain.Invoice;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.security.Tenancy;

/** Invoices, always read within one tenant and one world (live or test). */
@ApplicationScoped
public class InvoiceRepository implements PanacheRepositoryBase<Invoice, UUID> {

    public Uni<Invoice> findForTenant(Tenancy tenancy, UUID id) {
        return find("tenantId = :tenant and testMode = :test and id = :id", scope(tenancy).and("id", id)).firstResult();
    }

    /** Newest first; {@code after} is the id of the last invoice of the previous page. */
    public Uni<List<Invoice>> page(Tenancy tenancy, PageRequest page) {
        String after = page.after("id");
        if (after == null) {
            return find("tenantId = :tenant and testMode = :test order by id desc", scope(tenancy)).page(0, page.fetchSize()).list();
        }
        return find("tenantId = :tenant and testMode = :test and id < :after order by id desc",
                scope(tenancy).and("after", UUID.fromString(after))).page(0, page.fetchSize()).list();
    }

    public Uni<Boolean> numberTaken(Tenancy tenancy, String invoiceNumber) {
        return count("tenantId = :tenant and testMode = :test and invoiceNumber = :number", scope(tenancy).and("number", invoiceNumber))
                .map(n -> n > 0);
    }

    private static Parameters scope(Tenancy tenancy) {
        return Parameters.with("tenant", tenancy.tenantId()).and("test", tenancy.test());
    }
}
