package ng.risiti.webhook.deliveries.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.Ids;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import ng.risiti.webhook.deliveries.service.DeliveryService;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/webhooks/{id}/test}: a {@code webhook.test} event with a sample payload, delivered and logged like any other. */
@Path("/api/v1/webhooks/{id}/test")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
public class WebhookTestResource {

    private final DeliveryService deliveries;
    private final SecurityIdentity identity;

    public WebhookTestResource(DeliveryService deliveries, SecurityIdentity identity) {
        this.deliveries = deliveries;
        this.identity = identity;
    }

    /** 202: the test event goes out within a moment; its attempts appear in the endpoint's delivery log. */
    @POST
    @RolesAllowed(Scope.WEBHOOKS_MANAGE)
    public Uni<RestResponse<Data<QueuedDeliveryResponse>>> send(@RestPath String id) {
        return deliveries.sendTest(Caller.of(identity), Ids.parse(id, "Webhook"))
                .map(queued -> RestResponse.status(RestResponse.Status.ACCEPTED,
                        Data.of(QueuedDeliveryResponse.of(queued, "Test event queued."))));
    }
}
