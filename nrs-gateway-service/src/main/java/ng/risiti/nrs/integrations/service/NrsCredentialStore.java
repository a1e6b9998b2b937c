package ng.risiti.nrs.integrations.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import ng.risiti.nrs.integrations.domain.StoredNrsCredentials;
import ng.risiti.nrs.integrations.repository.NrsCredentialsRepository;
import ng.risiti.nrs.submissions.config.NrsConfig;
import ng.risiti.nrs.submissions.domain.NrsCredentials;
import ng.risiti.platform.crypto.SecretBox;
import ng.risiti.platform.error.ApiException;

/**
 * The credentials an NRS call is made with. Test mode: the platform's sandbox credentials, so {@code rs_test_} work
 * needs no setup and can only reach the sandbox. Live: the tenant's own, opened from their AES-256-GCM boxes.
 */
@ApplicationScoped
public class NrsCredentialStore {

    private final NrsCredentialsRepository stored;
    private final SecretBox box;
    private final NrsConfig config;

    public NrsCredentialStore(NrsCredentialsRepository stored, SecretBox box, NrsConfig config) {
        this.stored = stored;
        this.box = box;
        this.config = config;
    }

    /** Within a session. 422 naming what is missing when a live tenant cannot submit yet. */
    public Uni<Void> requireUsable(UUID tenantId, boolean test) {
        if (test) {
            return Uni.createFrom().voidItem();
        }
        return stored.findById(tenantId).invoke(found -> {
            List<String> missing = StoredNrsCredentials.missing(found);
            if (!missing.isEmpty()) {
                throw ApiException.unprocessable("NRS credentials are not configured for live submissions: " + String.join(", ", missing)
                        + " missing (PATCH /api/v1/settings/integrations).");
            }
        }).replaceWithVoid();
    }

    /** The credentials to call NRS with, or null when a live tenant has none (they were removed after queuing). */
    public Uni<NrsCredentials> forCall(UUID tenantId, boolean test) {
        if (test) {
            return Uni.createFrom().item(new NrsCredentials(config.apiKey(), config.apiSecret(), config.sandboxBusinessId()));
        }
        return Panache.withSession(() -> stored.findById(tenantId)).map(found -> StoredNrsCredentials.missing(found).isEmpty()
                ? new NrsCredentials(open(found.apiKey, tenantId, "api_key"), open(found.apiSecret, tenantId, "api_secret"), found.businessId)
                : null);
    }

    public byte[] seal(String value, UUID tenantId, String field) {
        return box.seal(value.getBytes(StandardCharsets.UTF_8), context(tenantId, field));
    }

    public String open(byte[] sealed, UUID tenantId, String field) {
        return new String(box.open(sealed, context(tenantId, field)), StandardCharsets.UTF_8);
    }

    private static String context(UUID tenantId, String field) {
        return "nrs-credentials:" + tenantId + ":" + field;
    }
}
