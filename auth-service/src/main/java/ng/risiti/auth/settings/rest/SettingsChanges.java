package ng.risiti.auth.settings.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import ng.risiti.auth.settings.rest.PatchBody.Change;

/** PATCH /settings: every field optional; a null {@link Change} leaves the field as it is, a null value clears it. */
public record SettingsChanges(Change<String> businessName, Change<String> tin, Change<String> address, Change<String> contactEmail,
        Change<String> logoUrl, Change<String> nrsServiceId, Change<UUID> nrsBusinessId) {

    public static SettingsChanges read(JsonNode json) {
        PatchBody body = PatchBody.of(json);
        SettingsChanges changes = new SettingsChanges(
                body.text("business_name", 200, false),
                body.matching("tin", PatchBody.TIN, "must be a TIN in the format 12345678-0001", true),
                body.text("address", 500, true),
                body.email("contact_email"),
                body.httpsUrl("logo_url"),
                body.matching("nrs_service_id", PatchBody.NRS_SERVICE_ID, "must be exactly 8 letters or digits", true),
                body.uuid("nrs_business_id", "must be the NRS business id (a UUID)"));
        body.validate();
        return changes;
    }
}
