package ng.risiti.nrs.integrations.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import ng.risiti.nrs.integrations.domain.IntegrationConnection;
import ng.risiti.nrs.integrations.domain.StoredNrsCredentials;
import ng.risiti.nrs.integrations.service.IntegrationSettings.Integrations;

/**
 * What {@code GET /settings/integrations} shows: never a secret, only whether each is set and the last 4 characters of
 * the API key and secret; the Service ID and business id are not secret.
 */
public final class IntegrationsView {

    private IntegrationsView() {
    }

    // inside a Map, so no resource method names them: a native image must be told to keep them for Jackson
    @RegisterForReflection
    public record Secret(boolean configured, String last4) {
    }

    @RegisterForReflection
    public record Nrs(boolean configured, Secret apiKey, Secret apiSecret, Secret publicKey, Secret certificate, String serviceId,
            String businessId, OffsetDateTime verifiedAt, OffsetDateTime updatedAt) {
    }

    @RegisterForReflection
    public record Other(boolean connected, @JsonRawValue String settings, OffsetDateTime updatedAt) {
    }

    /** {@code nrs}, then each other integration by name ({@code quickbooks}, {@code whatsapp}, {@code xero}). */
    public static Map<String, Object> of(Integrations integrations) {
        StoredNrsCredentials c = integrations.nrs();
        Nrs nrs = c == null ? new Nrs(false, new Secret(false, null), new Secret(false, null), new Secret(false, null), new Secret(false, null),
                null, null, null, null)
                : new Nrs(StoredNrsCredentials.missing(c).isEmpty(), new Secret(c.apiKey != null, c.apiKeyLast4),
                        new Secret(c.apiSecret != null, c.apiSecretLast4), new Secret(c.publicKey != null, null),
                        new Secret(c.certificate != null, null), c.serviceId, c.businessId, c.verifiedAt, c.updatedAt);
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("nrs", nrs);
        Map<String, Other> others = new TreeMap<>();
        IntegrationConnection.NAMES.forEach(name -> others.put(name, new Other(false, "{}", null)));
        integrations.others().forEach(o -> others.put(o.name, new Other(o.connected, o.settings, o.updatedAt)));
        view.putAll(others);
        return view;
    }
}
