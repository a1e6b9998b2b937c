package ng.risiti.nrs.integrations.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.nrs.integrations.service.NrsConnectionCheck;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;

/**
 * {@code POST /api/v1/settings/integrations/nrs/test-connection}: asks NRS whether it is up and accepts the tenant's
 * stored credentials; 200 with the answer either way (the check ran), 422 when no credentials are stored.
 */
@Path("/api/v1/settings/integrations/nrs/test-connection")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
public class NrsConnectionTestResource {

    private final NrsConnectionCheck check;
    private final SecurityIdentity identity;

    public NrsConnectionTestResource(NrsConnectionCheck check, SecurityIdentity identity) {
        this.check = check;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Scope.ADMIN)
    public Uni<Data<NrsConnectionCheck.Result>> test() {
        return check.check(Caller.user(identity).tenantId()).map(Data::of);
    }
}
