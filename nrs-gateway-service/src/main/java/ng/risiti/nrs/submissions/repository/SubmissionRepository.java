package ng.risiti.nrs.submissions.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import ng.risiti.nrs.submissions.domain.Submission;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.security.Tenancy;

@ApplicationScoped
public class SubmissionRepository implements PanacheRepositoryBase<Submission, UUID> {

    /** Newest first, optionally for one invoice. */
    public Uni<List<Submission>> page(Tenancy tenancy, UUID invoiceId, PageRequest page) {
        StringBuilder query = new StringBuilder("tenantId = :tenant and testMode = :test");
        Parameters parameters = Parameters.with("tenant", tenancy.tenantId()).and("test", tenancy.test());
        if (invoiceId != null) {
            query.append(" and invoiceId = :invoice");
            parameters.and("invoice", invoiceId);
        }
        if (page.after("id") != null) {
            query.append(" and id < :after");
            parameters.and("after", UUID.fromString(page.after("id")));
        }
        return find(query.append(" order by id desc").toString(), parameters).page(0, page.fetchSize()).list();
    }
}
