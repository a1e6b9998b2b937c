package ng.risiti.invoice.expenses.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.expenses.domain.Expense;
import ng.risiti.invoice.expenses.domain.ExpenseCategory;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.security.Tenancy;

/** A tenant's expenses in its world; deleted ones answer as unknown ids. */
@ApplicationScoped
public class ExpenseRepository implements PanacheRepositoryBase<Expense, UUID> {

    private static final String OWN = "tenantId = :tenant and testMode = :test and deletedAt is null";

    public Uni<Expense> findOwn(Tenancy tenancy, UUID id) {
        return find(OWN + " and id = :id", scope(tenancy).and("id", id)).firstResult();
    }

    /** The expense, its row locked until the transaction ends: concurrent changes take turns, each posting once. */
    public Uni<Expense> lockOwn(Tenancy tenancy, UUID id) {
        return find(OWN + " and id = :id", scope(tenancy).and("id", id)).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Newest first; {@code from}/{@code to} on the expense date (both included), {@code category} when given. */
    public Uni<List<Expense>> page(Tenancy tenancy, LocalDate from, LocalDate to, ExpenseCategory category, PageRequest page) {
        StringBuilder query = new StringBuilder(OWN);
        Parameters parameters = scope(tenancy);
        if (from != null) {
            query.append(" and date >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            query.append(" and date <= :to");
            parameters.and("to", to);
        }
        if (category != null) {
            query.append(" and category = :category");
            parameters.and("category", category);
        }
        if (page.after("id") != null) {
            query.append(" and id < :after");
            parameters.and("after", UUID.fromString(page.after("id")));
        }
        return find(query.append(" order by id desc").toString(), parameters).page(0, page.fetchSize()).list();
    }

    private static Parameters scope(Tenancy tenancy) {
        return Parameters.with("tenant", tenancy.tenantId()).and("test", tenancy.test());
    }
}
