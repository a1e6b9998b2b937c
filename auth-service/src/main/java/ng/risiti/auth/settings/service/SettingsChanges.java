package ng.risiti.auth.settings.service;

import java.util.UUID;
import ng.risiti.platform.rest.Change;

/** PATCH /settings: every field optional; a null {@link Change} leaves the field as it is, a null value clears it. */
public record SettingsChanges(Change<String> businessName, Change<String> tin, Change<String> address, Change<String> contactEmail,
        Change<String> logoUrl, Change<String> nrsServiceId, Change<UUID> nrsBusinessId) {
}
