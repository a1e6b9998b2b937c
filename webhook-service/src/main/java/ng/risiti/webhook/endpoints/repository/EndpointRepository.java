package ng.risiti.webhook.endpoints.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.security.Tenancy;
import ng.risiti.webhook.endpoints.domain.WebhookEndpoint;

/** A tenant's endpoints in one world; every query is confined to a {@link Tenancy}. */
@ApplicationScoped
public class EndpointRepository implements PanacheRepositoryBase<WebhookEndpoint, UUID> {

    /** Newest first; {@code after} is the last id of the previous page. */
    public Uni<List<WebhookEndpoint>> page(Tenancy tenancy, PageRequest page) {
        Parameters parameters = scope(tenancy);
        String query = "tenantId = :tenant and testMode = :test";
        if (page.after("id") != null) {
            query += " and id < :after";
            parameters.and("after", UUID.fromString(page.after("id")));
        }
        return find(query + " order by id desc", parameters).page(0, page.fetchSize()).list();
    }

    /** The tenant's endpoint, or null (another tenant's or world's is null too). */
    public Uni<WebhookEndpoint> owned(Tenancy tenancy, UUID id) {
        return find("id = :id and tenantId = :tenant and testMode = :test", scope(tenancy).and("id", id)).firstResult();
    }

    private static Parameters scope(Tenancy tenancy) {
        return Parameters.with("tenant", tenancy.tenantId()).and("test", tenancy.test());
    }
}
