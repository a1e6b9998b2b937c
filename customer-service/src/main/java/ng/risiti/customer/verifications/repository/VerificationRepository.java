package ng.risiti.customer.verifications.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import ng.risiti.customer.verifications.domain.Verification;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.security.Tenancy;

/** A tenant's verifications in one world, newest first. */
@ApplicationScoped
public class VerificationRepository implements PanacheRepositoryBase<Verification, UUID> {

    public Uni<List<Verification>> page(Tenancy tenancy, PageRequest page) {
        String after = page.after("id");
        return after == null
                ? find("tenantId = ?1 and testMode = ?2 order by id desc", tenancy.tenantId(), tenancy.test()).page(0, page.fetchSize()).list()
                : find("tenantId = ?1 and testMode = ?2 and id < ?3 order by id desc", tenancy.tenantId(), tenancy.test(),
                        UUID.fromString(after)).page(0, page.fetchSize()).list();
    }
}
