package ng.risiti.nrs.integrations.rest;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import ng.risiti.nrs.integrations.domain.IntegrationConnection;
import ng.risiti.nrs.integrations.service.IntegrationChanges;
import ng.risiti.nrs.integrations.service.IntegrationSettings;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.PatchBody;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;

/**
 * {@code /api/v1/settings/integrations} (JWT only, like every settings endpoint): NRS credentials, stored sealed and
 * never shown again, and the connection state of Xero, QuickBooks and WhatsApp. PATCH changes only what it names; a
 * field sent as null is cleared.
 */
@Path("/api/v1/settings/integrations")
@Produces(MediaType.APPLICATION_JSON)
public class IntegrationsResource {

    private static final Pattern SERVICE_ID = Pattern.compile("[A-Za-z0-9]{8}");

    private final IntegrationSettings settings;
    private final SecurityIdentity identity;

    public IntegrationsResource(IntegrationSettings settings, SecurityIdentity identity) {
        this.settings = settings;
        this.identity = identity;
    }

    @GET
    @Authenticated
    public Uni<Data<Map<String, Object>>> get() {
        return settings.get(Caller.user(identity).tenantId()).map(found -> Data.of(IntegrationsView.of(found)));
    }

    @PATCH
    @RolesAllowed(Scope.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Data<Map<String, Object>>> update(JsonNode body) {
        Caller caller = Caller.user(identity);
        return settings.update(caller.tenantId(), read(body)).map(found -> Data.of(IntegrationsView.of(found)));
    }

    private static IntegrationChanges read(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw ApiException.validation("body", "the body must be a JSON object");
        }
        PatchBody body = PatchBody.of(json);
        var nrs = body.object("nrs");
        PatchBody fields = nrs == null || nrs.value() == null ? null : nrs.value();
        if (nrs != null && nrs.value() == null) {
            throw ApiException.validation("nrs", "nrs must be an object; send a field as null to clear it");
        }
        IntegrationChanges changes = new IntegrationChanges(
                fields == null ? null : fields.text("api_key", 500, true),
                fields == null ? null : fields.text("api_secret", 500, true),
                fields == null ? null : pem(fields, "public_key"),
                fields == null ? null : pem(fields, "certificate"),
                fields == null ? null : fields.matching("service_id", SERVICE_ID, "must be exactly 8 letters or digits", true),
                fields == null ? null : fields.uuid("business_id", "must be the NRS business id (a UUID)"),
                others(json));
        body.validate();
        return changes;
    }

    /** A PEM block (or its Base64 body, as NRS's crypto_keys.txt gives it): text of at most 20,000 characters. */
    private static ng.risiti.platform.rest.Change<String> pem(PatchBody fields, String field) {
        return fields.text(field, 20_000, true);
    }

    private static Map<String, IntegrationChanges.Other> others(JsonNode json) {
        Map<String, IntegrationChanges.Other> others = new LinkedHashMap<>();
        for (String name : IntegrationConnection.NAMES) {
            JsonNode node = json.get(name);
            if (node == null) {
                continue;
            }
            if (!node.isObject()) {
                throw ApiException.validation(name, name + " must be an object with connected and settings");
            }
            JsonNode connected = node.get("connected");
            if (connected != null && !connected.isBoolean()) {
                throw ApiException.validation(name + ".connected", "connected must be true or false");
            }
            JsonNode settings = node.get("settings");
            if (settings != null && !settings.isObject()) {
                throw ApiException.validation(name + ".settings", "settings must be an object of non-secret settings");
            }
            others.put(name, new IntegrationChanges.Other(connected == null ? null : connected.booleanValue(), settings));
        }
        return others;
    }
}
