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
import ng.risiti.auth.settings.service.InvoiceDefaultsChanges;
import ng.risiti.auth.settings.service.SettingsService;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.PatchBody;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What new invoices start with; invoice-service learns changes from {@code risiti.tenants.v1}. */
@Path("/api/v1/settings/invoice-defaults")
@Tag(name = "Settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoiceDefaultsResource {

    private static final Pattern NUMBER_PREFIX = Pattern.compile("[A-Za-z0-9-]{1,10}");
    private static final Pattern HSN_CODE = Pattern.compile("[0-9]{4}(\\.[0-9]{2}){0,3}");

    private final SettingsService settings;
    private final SecurityIdentity identity;

    public InvoiceDefaultsResource(SettingsService settings, SecurityIdentity identity) {
        this.settings = settings;
        this.identity = identity;
    }

    @GET
    @Authenticated
    @Operation(summary = "Invoice defaults: number prefix, payment terms, footer, logo, and the HS code and product category NRS gets for lines without their own")
    public Uni<Data<InvoiceDefaultsView>> get() {
        return settings.get(Caller.user(identity)).map(current -> Data.of(InvoiceDefaultsView.of(current)));
    }

    @PATCH
    @RolesAllowed(Scope.ADMIN)
    @Operation(summary = "Change invoice defaults; absent fields stay, null clears footer or logo_url")
    public Uni<Data<InvoiceDefaultsView>> update(JsonNode body) {
        var caller = Caller.user(identity);
        return settings.updateInvoiceDefaults(caller, read(body))
                .map(current -> Data.of(InvoiceDefaultsView.of(current)));
    }

    /** A record cannot tell an absent field (unchanged) from null (cleared): the body is read field by field. */
    private static InvoiceDefaultsChanges read(JsonNode json) {
        PatchBody body = PatchBody.of(json);
        InvoiceDefaultsChanges changes = new InvoiceDefaultsChanges(
                body.matching("number_prefix", NUMBER_PREFIX, "must be 1 to 10 letters, digits or hyphens", false),
                body.integer("payment_terms_days", 0, 365),
                body.text("footer", 1000, true),
                body.httpsUrl("logo_url"),
                body.matching("hsn_code", HSN_CODE, "must be an HS code such as 8471.30 or 8471.30.00", true),
                body.text("product_category", 100, true));
        body.validate();
        return changes;
    }
}
