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
import java.util.regex.Pattern;
import ng.risiti.auth.settings.service.SettingsChanges;
import ng.risiti.auth.settings.service.SettingsService;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.Formats;
import ng.risiti.platform.rest.PatchBody;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Settings take a signed-in user (docs/specification.md, Team and settings): any member reads them; the owner and
 * admins (the {@code admin} scope) change them.
 */
@Path("/api/v1/settings")
@Tag(name = "Settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettingsResource {

    /** The NRS Service ID an IRN carries: 8 letters or digits. */
    private static final Pattern NRS_SERVICE_ID = Pattern.compile("[A-Za-z0-9]{8}");

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
        return settings.get(Caller.user(identity)).map(current -> Data.of(SettingsView.of(current)));
    }

    @PATCH
    @RolesAllowed(Scope.ADMIN)
    @Operation(summary = "Change profile fields; absent fields stay, null clears an optional field")
    public Uni<Data<SettingsView>> update(JsonNode body) {
        var caller = Caller.user(identity);
        return settings.update(caller, read(body))
                .map(current -> Data.of(SettingsView.of(current)));
    }

    /** A record cannot tell an absent field (unchanged) from null (cleared): the body is read field by field. */
    private static SettingsChanges read(JsonNode json) {
        PatchBody body = PatchBody.of(json);
        SettingsChanges changes = new SettingsChanges(
                body.text("business_name", 200, false),
                body.matching("tin", Formats.TIN, Formats.TIN_RULE, true),
                body.text("address", 500, true),
                body.email("contact_email"),
                body.httpsUrl("logo_url"),
                body.matching("nrs_service_id", NRS_SERVICE_ID, "must be exactly 8 letters or digits", true),
                body.uuid("nrs_business_id", "must be the NRS business id (a UUID)"));
        body.validate();
        return changes;
    }
}
