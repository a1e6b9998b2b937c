package ng.risiti.webhook.endpoints.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.idempotency.SecretResponse;
import ng.risiti.platform.pagination.Page;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.pagination.Pagination;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.Ids;
import ng.risiti.platform.rest.Message;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import ng.risiti.webhook.endpoints.service.EndpointService;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/webhooks}: docs/specification.md, Webhooks; docs/webhooks.md for integrators. */
@Path("/api/v1/webhooks")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final EndpointService endpoints;
    private final Pagination pagination;
    private final SecurityIdentity identity;

    public WebhookResource(EndpointService endpoints, Pagination pagination, SecurityIdentity identity) {
        this.endpoints = endpoints;
        this.pagination = pagination;
        this.identity = identity;
    }

    /** 201 with the secret, the only answer that ever shows it; a repeated Idempotency-Key answers 409 rather than replay it. */
    @POST
    @SecretResponse
    @RolesAllowed(Scope.WEBHOOKS_MANAGE)
    public Uni<RestResponse<Data<WebhookResponse>>> create(@Valid @NotNull CreateWebhookRequest request) {
        return endpoints.create(Caller.of(identity), request.toNewEndpoint()).map(created -> RestResponse.status(RestResponse.Status.CREATED,
                Data.of(WebhookResponse.withSecret(created.endpoint(), created.secret()))));
    }

    @GET
    @RolesAllowed(Scope.WEBHOOKS_MANAGE)
    public Uni<Page<WebhookResponse>> list(@RestQuery String cursor, @RestQuery String limit) {
        PageRequest page = pagination.request(cursor, limit);
        return endpoints.page(Caller.of(identity), page)
                .map(rows -> pagination.page(rows, page, endpoint -> Map.of("id", endpoint.id.toString())).map(WebhookResponse::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Scope.WEBHOOKS_MANAGE)
    public Uni<Data<WebhookResponse>> get(@RestPath String id) {
        return endpoints.get(Caller.of(identity), Ids.parse(id, "Webhook")).map(endpoint -> Data.of(WebhookResponse.of(endpoint)));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Scope.WEBHOOKS_MANAGE)
    public Uni<Data<WebhookResponse>> update(@RestPath String id, JsonNode body) {
        var endpointId = Ids.parse(id, "Webhook");
        return endpoints.update(Caller.of(identity), endpointId, WebhookPatch.read(body)).map(endpoint -> Data.of(WebhookResponse.of(endpoint)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Scope.WEBHOOKS_MANAGE)
    public Uni<Data<Message>> delete(@RestPath String id) {
        return endpoints.delete(Caller.of(identity), Ids.parse(id, "Webhook")).replaceWith(Message.of("Webhook deleted."));
    }
}
