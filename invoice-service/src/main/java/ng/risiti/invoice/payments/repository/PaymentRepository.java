package ng.risiti.invoice.payments.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.payments.domain.Payment;
import ng.risiti.invoice.payments.service.PaymentFilter;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.persistence.SessionSql;
import ng.risiti.platform.security.Tenancy;

/** Payments, always read within one tenant and one world (live or test). */
@ApplicationScoped
public class PaymentRepository implements PanacheRepositoryBase<Payment, UUID> {

    public Uni<Payment> findForTenant(Tenancy tenancy, UUID id) {
        return find("tenantId = :tenant and testMode = :test and id = :id", scope(tenancy).and("id", id)).firstResult();
    }

    /** One invoice's payments, oldest first: one select on the invoice's index. */
    public Uni<List<Payment>> ofInvoice(Tenancy tenancy, UUID invoiceId) {
        return find("invoiceId = :invoice and tenantId = :tenant and testMode = :test order by id", scope(tenancy).and("invoice", invoiceId))
                .list();
    }

    /**
     * The next receipt number of the tenant's world and year; its counter row stays locked until the payment's
     * transaction ends, so two payments of one tenant at once take numbers in turn, never the same one.
     */
    public Uni<String> nextReceiptNumber(Tenancy tenancy, int year) {
        return SessionSql.value(String.class, "select next_receipt_number($1, $2, $3)", tenancy.tenantId(), tenancy.test(), year);
    }

    public Uni<Boolean> referenceTaken(Tenancy tenancy, String reference) {
        return count("tenantId = :tenant and testMode = :test and reference = :reference", scope(tenancy).and("reference", reference))
                .map(count -> count > 0);
    }

    /** Newest first; {@code after} is the id of the last payment of the previous page. */
    public Uni<List<Payment>> page(Tenancy tenancy, PaymentFilter filter, PageRequest page) {
        StringBuilder query = new StringBuilder("tenantId = :tenant and testMode = :test");
        Parameters parameters = scope(tenancy);
        if (filter.from() != null) {
            query.append(" and paidOn >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.to() != null) {
            query.append(" and paidOn <= :to");
            parameters.and("to", filter.to());
        }
        if (filter.method() != null) {
            query.append(" and method = :method");
            parameters.and("method", filter.method());
        }
        if (filter.invoiceId() != null) {
            query.append(" and invoiceId = :invoice");
            parameters.and("invoice", filter.invoiceId());
        }
        String after = page.after("id");
        if (after != null) {
            query.append(" and id < :after");
            parameters.and("after", UUID.fromString(after));
        }
        return find(query.append(" order by id desc").toString(), parameters).page(0, page.fetchSize()).list();
    }

    private static Parameters scope(Tenancy tenancy) {
        return Parameters.with("tenant", tenancy.tenantId()).and("test", tenancy.test());
    }
}
