package ng.risiti.auth.settings.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.auth.settings.mapping.SettingsMapper;
import ng.risiti.auth.settings.service.SettingsService;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Seed 002 marks settings "JWT": any member reads them; the owner and admins (the {@code admin} scope) change them. */
@Path("/api/v1/settings")
@Tag(name = "Settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettingsResource {

    private final SettingsService settings;
    private final SecurityIdentity identity;

    public SettingsResource(SettingsService settings, SecurityIdentity identity) {
        this.settings = settings;
        this.identity = identity;
    }

    @GET
    @Authenticated
    @Operation(summary = "The tenant's profile: business name, TIN, address, contact email, logo URL, NRS service and business ids")
    public Uni<Data<SettingsView>> get() {
        return settings.get(Caller.user(identity)).map(current -> Data.of(SettingsMapper.settings(current.tenant(), current.settings())));
    }

    @PATCH
    @RolesAllowed(Scope.ADMIN)
    @Operation(summary = "Change profile fields; absent fields stay, null clears an optional field")
    public Uni<Data<SettingsView>> update(JsonNode body) {
        var caller = Caller.user(identity);
        return settings.update(caller, SettingsChanges.read(body))
                .map(current -> Data.of(SettingsMapper.settings(current.tenant(), current.settings())));
    }
}
