package ng.risiti.customer.invoices.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ng.risiti.customer.invoices.domain.CustomerInvoice;
import ng.risiti.customer.invoices.domain.InvoiceFigures;
import ng.risiti.platform.events.contract.InvoiceSnapshot;
import ng.risiti.platform.persistence.ReplicaTable;

/** The latest state of each invoice of a customer, and the figures summed from them. */
@ApplicationScoped
public class CustomerInvoiceRepository implements PanacheRepositoryBase<CustomerInvoice, UUID> {

    private static final ReplicaTable FIGURES = ReplicaTable.of("customer_invoices", "invoice_id",
            "tenant_id", "customer_id", "status", "amount_due_kobo");

    /** Invoice count and outstanding kobo per customer (drafts and cancelled invoices owe nothing). */
    public Uni<Map<UUID, InvoiceFigures>> figures(UUID tenantId, Collection<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession().flatMap(session -> session.createSelectionQuery("""
                        select customerId, count(*), coalesce(sum(case when status in ('draft', 'cancelled') then 0 else amountDueKobo end), 0)
                        from CustomerInvoice where tenantId = :tenant and customerId in :ids group by customerId""", Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("ids", customerIds)
                .getResultList())
                .map(CustomerInvoiceRepository::byCustomer);
    }

    /** Upserts the invoice's figures unless the row already reflects a newer event of it. */
    public Uni<Void> apply(InvoiceSnapshot invoice, long version) {
        return FIGURES.apply(version, invoice.invoiceId(), invoice.tenantId(), invoice.customerId(), invoice.status(),
                invoice.amountDueKobo());
    }

    private static Map<UUID, InvoiceFigures> byCustomer(List<Object[]> rows) {
        Map<UUID, InvoiceFigures> figures = new HashMap<>();
        for (Object[] row : rows) {
            figures.put((UUID) row[0], new InvoiceFigures(((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
        }
        return figures;
    }
}
