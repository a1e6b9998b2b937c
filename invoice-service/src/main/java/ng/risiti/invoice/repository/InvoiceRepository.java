package ng.risiti.invoice.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.domain.Invoice;
import ng.risiti.platform.pagination.PageRequest;

/** Invoices, always read within one tenant. */
@ApplicationScoped
public class InvoiceRepository implements PanacheRepositoryBase<Invoice, UUID> {

    public Uni<Invoice> findForTenant(UUID tenantId, UUID id) {
        return find("tenantId = :tenant and id = :id", Parameters.with("tenant", tenantId).and("id", id)).firstResult();
    }

    /** Newest first; {@code after} is the id of the last invoice of the previous page. */
    public Uni<List<Invoice>> page(UUID tenantId, PageRequest page) {
        String after = page.after("id");
        if (after == null) {
            return find("tenantId = ?1 order by id desc", tenantId).page(0, page.fetchSize()).list();
        }
        return find("tenantId = ?1 and id < ?2 order by id desc", tenantId, UUID.fromString(after)).page(0, page.fetchSize()).list();
    }

    public Uni<Boolean> numberTaken(UUID tenantId, String invoiceNumber) {
        return count("tenantId = ?1 and invoiceNumber = ?2", tenantId, invoiceNumber).map(n -> n > 0);
    }
}
