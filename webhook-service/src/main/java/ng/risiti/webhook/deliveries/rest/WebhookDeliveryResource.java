package ng.risiti.webhook.deliveries.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.pagination.Page;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.pagination.Pagination;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.Ids;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import ng.risiti.webhook.deliveries.service.DeliveryService;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/webhooks/{id}/deliveries}: an endpoint's delivery log, newest first, and manual retries. */
@Path("/api/v1/webhooks/{id}/deliveries")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
public class WebhookDeliveryResource {

    private final DeliveryService deliveries;
    private final Pagination pagination;
    private final SecurityIdentity identity;

    public WebhookDeliveryResource(DeliveryService deliveries, Pagination pagination, SecurityIdentity identity) {
        this.deliveries = deliveries;
        this.pagination = pagination;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scope.WEBHOOKS_MANAGE)
    public Uni<Page<DeliveryResponse>> list(@RestPath String id, @RestQuery String cursor, @RestQuery String limit) {
        UUID endpointId = Ids.parse(id, "Webhook");
        PageRequest page = pagination.request(cursor, limit);
        return deliveries.page(Caller.of(identity), endpointId, page).map(rows -> pagination.page(rows, page,
                row -> Map.of("created_at", row.createdAt().toString(), "id", row.id().toString())).map(DeliveryResponse::of));
    }

    /** 202: the delivery is due now for one more attempt. */
    @POST
    @Path("/{deliveryId}/retry")
    @RolesAllowed(Scope.WEBHOOKS_MANAGE)
    public Uni<RestResponse<Data<QueuedDeliveryResponse>>> retry(@RestPath String id, @RestPath String deliveryId) {
        UUID endpointId = Ids.parse(id, "Webhook");
        return deliveries.retry(Caller.of(identity), endpointId, Ids.parse(deliveryId, "Delivery"))
                .map(queued -> RestResponse.status(RestResponse.Status.ACCEPTED,
                        Data.of(QueuedDeliveryResponse.of(queued, "Delivery queued for another attempt."))));
    }
}
