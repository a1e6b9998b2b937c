package ng.risiti.auth.apikey.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.auth.apikey.service.ApiKeyService;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.idempotency.SecretResponse;
import ng.risiti.platform.pagination.Page;
import ng.risiti.platform.pagination.Pagination;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.Message;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Keys are managed by signed-in users, never by another key (docs/api-rules.md, Authentication). Creating and revoking
 * need the owner or admin role (the roles holding the {@code admin} scope); listing needs any user of the tenant.
 */
@Path("/api/v1/api-keys")
@Idempotent
@Tag(name = "API Keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    private final ApiKeyService keys;
    private final Pagination pagination;
    private final SecurityIdentity identity;

    public ApiKeyResource(ApiKeyService keys, Pagination pagination, SecurityIdentity identity) {
        this.keys = keys;
        this.pagination = pagination;
        this.identity = identity;
    }

    @GET
    @Authenticated
    @Operation(summary = "List the tenant's active API keys (never the key values)")
    public Uni<Page<ApiKeyView>> list(@RestQuery String cursor, @RestQuery String limit) {
        var caller = Caller.user(identity);
        return keys.list(caller, pagination.request(cursor, limit)).map(page -> page.map(ApiKeyView::of));
    }

    @POST
    @RolesAllowed(Scope.ADMIN)
    @SecretResponse
    @Operation(summary = "Create an API key; the key is returned only in this response")
    public Uni<RestResponse<Data<CreatedApiKey>>> create(@Valid @NotNull CreateApiKeyRequest body) {
        var caller = Caller.user(identity);
        return keys.create(caller, body.toNewKey())
                .map(created -> RestResponse.status(RestResponse.Status.CREATED, Data.of(CreatedApiKey.of(created))));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Scope.ADMIN)
    @Operation(summary = "Revoke an API key; every service refuses it within a second")
    public Uni<Data<Message>> revoke(@RestPath String id) {
        var caller = Caller.user(identity);
        return keys.revoke(caller, id).map(ignored -> Message.of("API key revoked."));
    }
}
