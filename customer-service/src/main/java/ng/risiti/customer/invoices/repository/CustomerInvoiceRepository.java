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
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.persistence.ReplicaTable;

/** The latest state of each invoice of a customer, and the figures summed from them. */
@ApplicationScoped
public class CustomerInvoiceRepository implements PanacheRepositoryBase<CustomerInvoice, UUID> {

    private static final ReplicaTable INVOICES = ReplicaTable.of("customer_invoices", "invoice_id",
            "tenant_id", "customer_id", "status", "amount_due_kobo", "invoice_number", "currency", "total_amount_kobo",
            "issue_date", "due_date", "type", "customer_credit_kobo");
    /** The status of a tombstone: an invoice deleted as a draft (not one of the invoice lifecycle's statuses). */
    private static final String DELETED = "deleted";

    /**
     * Invoice count, outstanding kobo and credit balance per customer (drafts and cancelled invoices owe nothing; credit
     * notes are not invoices, and what they credited beyond an amount due is the customer's credit).
     */
    public Uni<Map<UUID, InvoiceFigures>> figures(UUID tenantId, Collection<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession().flatMap(session -> session.createSelectionQuery("""
                        select customerId, count(*) filter (where type = 'invoice'),
                            coalesce(sum(case when status in ('draft', 'cancelled') then 0 else amountDueKobo end), 0),
                            coalesce(sum(customerCreditKobo), 0)
                        from CustomerInvoice where tenantId = :tenant and customerId in :ids and status <> 'deleted'
                        group by customerId""", Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("ids", customerIds)
                .getResultList())
                .map(CustomerInvoiceRepository::byCustomer);
    }

    /**
     * Upserts each invoice unless its row already reflects a newer event of it, in one statement. A deleted invoice's
     * row becomes a tombstone (status {@code deleted}) under the same newer-wins rule, so a redelivered older event of
     * the invoice never brings it back.
     */
    public Uni<Void> applyAll(List<InvoiceState> states) {
        return INVOICES.applyAll(states.stream().map(CustomerInvoiceRepository::row).toList());
    }

    /** An invoice as an event of version {@code version} left it; {@code deleted} for invoice.deleted. */
    public record InvoiceState(InvoiceSnapshot invoice, long version, boolean deleted) {
    }

    /** A tombstone owes nothing and credits nothing. */
    private static ReplicaTable.State row(InvoiceState state) {
        InvoiceSnapshot invoice = state.invoice();
        boolean deleted = state.deleted();
        return new ReplicaTable.State(state.version(), invoice.invoiceId(), invoice.tenantId(), invoice.customerId(),
                deleted ? DELETED : invoice.status(), deleted ? 0L : invoice.amountDueKobo(), invoice.invoiceNumber(),
                invoice.currency(), invoice.totalAmountKobo(), invoice.issueDate(), invoice.dueDate(),
                invoice.type() == null ? "invoice" : invoice.type(), deleted ? 0L : invoice.customerCreditKobo());
    }

    /** One customer's invoices, newest first (invoice ids are UUIDv7: time-ordered); deleted drafts left out. */
    public Uni<List<CustomerInvoice>> page(UUID tenantId, UUID customerId, PageRequest page) {
        String after = page.after("id");
        return after == null
                ? find("tenantId = ?1 and customerId = ?2 and status <> 'deleted' order by invoiceId desc", tenantId, customerId)
                        .page(0, page.fetchSize()).list()
                : find("tenantId = ?1 and customerId = ?2 and status <> 'deleted' and invoiceId < ?3 order by invoiceId desc", tenantId, customerId,
                        UUID.fromString(after)).page(0, page.fetchSize()).list();
    }

    private static Map<UUID, InvoiceFigures> byCustomer(List<Object[]> rows) {
        Map<UUID, InvoiceFigures> figures = new HashMap<>();
        for (Object[] row : rows) {
            figures.put((UUID) row[0], new InvoiceFigures(((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                    ((Number) row[3]).longValue()));
        }
        return figures;
    }
}
