package ng.risiti.nrs.integrations.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import ng.risiti.platform.rest.Change;

/**
 * A PATCH of the integrations: each NRS field absent (null: unchanged), or a {@link Change} (its value null: cleared);
 * per other integration, its new {@code connected} and {@code settings} (absent: unchanged).
 */
public record IntegrationChanges(Change<String> apiKey, Change<String> apiSecret, Change<String> publicKey, Change<String> certificate,
        Change<String> serviceId, Change<UUID> businessId, Map<String, Other> others) {

    public record Other(Boolean connected, JsonNode settings) {
    }

    public boolean touchesNrs() {
        return apiKey != null || apiSecret != null || publicKey != null || certificate != null || serviceId != null || businessId != null;
    }
}
