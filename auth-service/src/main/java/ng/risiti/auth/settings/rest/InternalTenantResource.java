package ng.risiti.auth.settings.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.auth.settings.service.SettingsService;
import ng.risiti.platform.events.contract.TenantState;
import ng.risiti.platform.rest.Ids;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

/**
 * {@code /internal/tenants/{id}}: a tenant's state for a service whose replica of {@code risiti.tenants.v1} has not
 * received it yet (a business finalizing its first invoice moments after registering). Network-internal and behind
 * the service token like every {@code /internal} path.
 */
@Path("/internal/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class InternalTenantResource {

    private final SettingsService settings;

    public InternalTenantResource(SettingsService settings) {
        this.settings = settings;
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(hidden = true)
    public Uni<TenantState> get(@RestPath String id) {
        return settings.state(Ids.parse(id, "Tenant"));
    }
}
