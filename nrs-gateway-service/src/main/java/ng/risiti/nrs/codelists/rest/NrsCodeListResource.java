package ng.risiti.nrs.codelists.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import ng.risiti.nrs.codelists.service.CodeListCache;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.jboss.resteasy.reactive.RestPath;

/** {@code /api/v1/nrs/code-lists/{name}}: one of NRS's code lists as NRS publishes it (cached a day). */
@Path("/api/v1/nrs/code-lists/{name}")
@Produces(MediaType.APPLICATION_JSON)
public class NrsCodeListResource {

    public record CodeListResponse(String name, Instant fetchedAt, JsonNode items) {
    }

    private final CodeListCache codeLists;
    private final SecurityIdentity identity;

    public NrsCodeListResource(CodeListCache codeLists, SecurityIdentity identity) {
        this.codeLists = codeLists;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scope.INVOICES_READ)
    public Uni<Data<CodeListResponse>> get(@RestPath String name) {
        return codeLists.get(name, Caller.of(identity).test())
                .map(list -> Data.of(new CodeListResponse(list.name(), list.fetchedAt(), list.items())));
    }
}
