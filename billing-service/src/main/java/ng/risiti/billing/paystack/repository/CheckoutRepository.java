package ng.risiti.billing.paystack.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import ng.risiti.billing.paystack.domain.Checkout;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.security.Tenancy;

@ApplicationScoped
public class CheckoutRepository implements PanacheRepositoryBase<Checkout, String> {

    /** Held until the transaction ends: one webhook at a time settles a checkout. */
    public Uni<Checkout> lock(String reference) {
        return find("reference", reference).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** A tenant's checkouts for some purposes, newest first, from the cursor's position. */
    public Uni<List<Checkout>> history(Tenancy tenancy, List<String> purpose, PageRequest page) {
        if (page.first()) {
            return find("tenantId = ?1 and testMode = ?2 and purpose in (?3) order by createdAt desc, reference desc",
                    tenancy.tenantId(), tenancy.test(), purpose).range(0, page.fetchSize() - 1).list();
        }
        return find("tenantId = ?1 and testMode = ?2 and purpose in (?3) and (createdAt < ?4 or (createdAt = ?4 and reference < ?5))"
                        + " order by createdAt desc, reference desc",
                tenancy.tenantId(), tenancy.test(), purpose, OffsetDateTime.parse(page.after("created_at")), page.after("reference"))
                .range(0, page.fetchSize() - 1).list();
    }
}
