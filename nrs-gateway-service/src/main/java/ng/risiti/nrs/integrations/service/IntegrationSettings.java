package ng.risiti.nrs.integrations.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.nrs.integrations.domain.IntegrationConnection;
import ng.risiti.nrs.integrations.domain.StoredNrsCredentials;
import ng.risiti.nrs.integrations.repository.IntegrationConnectionRepository;
import ng.risiti.nrs.integrations.repository.NrsCredentialsRepository;
import ng.risiti.platform.rest.Change;
import ng.risiti.platform.time.Clocks;

/** {@code /settings/integrations}: a tenant's NRS credentials (sealed per field) and its other integrations' state. */
@ApplicationScoped
public class IntegrationSettings {

    public record Integrations(StoredNrsCredentials nrs, List<IntegrationConnection> others) {
    }

    private final NrsCredentialsRepository credentials;
    private final IntegrationConnectionRepository connections;
    private final NrsCredentialStore store;
    private final Clock clock;

    public IntegrationSettings(NrsCredentialsRepository credentials, IntegrationConnectionRepository connections, NrsCredentialStore store,
            Clock clock) {
        this.credentials = credentials;
        this.connections = connections;
        this.store = store;
        this.clock = clock;
    }

    public Uni<Integrations> get(UUID tenantId) {
        return Panache.withSession(() -> read(tenantId));
    }

    private Uni<Integrations> read(UUID tenantId) {
        return credentials.findById(tenantId).flatMap(nrs -> connections.ofTenant(tenantId).map(others -> new Integrations(nrs, others)));
    }

    public Uni<Integrations> update(UUID tenantId, IntegrationChanges changes) {
        OffsetDateTime now = Clocks.now(clock);
        return Panache.withTransaction(() -> applyNrs(tenantId, changes, now)
                .flatMap(ignored -> applyOthers(tenantId, changes, now))
                .flatMap(ignored -> Panache.flush())
                .flatMap(ignored -> read(tenantId)));
    }

    private Uni<Void> applyNrs(UUID tenantId, IntegrationChanges changes, OffsetDateTime now) {
        if (!changes.touchesNrs()) {
            return Uni.createFrom().voidItem();
        }
        // the row lock serializes two PATCHes of one tenant's credentials
        return credentials.findById(tenantId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).flatMap(found -> {
            StoredNrsCredentials row = found;
            boolean fresh = row == null;
            if (fresh) {
                row = new StoredNrsCredentials();
                row.tenantId = tenantId;
            }
            if (changes.apiKey() != null) {
                row.apiKey = seal(changes.apiKey(), tenantId, "api_key");
                row.apiKeyLast4 = last4(changes.apiKey());
                row.verifiedAt = null;
            }
            if (changes.apiSecret() != null) {
                row.apiSecret = seal(changes.apiSecret(), tenantId, "api_secret");
                row.apiSecretLast4 = last4(changes.apiSecret());
                row.verifiedAt = null;
            }
            if (changes.publicKey() != null) {
                row.publicKey = seal(changes.publicKey(), tenantId, "public_key");
            }
            if (changes.certificate() != null) {
                row.certificate = seal(changes.certificate(), tenantId, "certificate");
            }
            if (changes.serviceId() != null) {
                row.serviceId = changes.serviceId().value();
            }
            if (changes.businessId() != null) {
                row.businessId = changes.businessId().value() == null ? null : changes.businessId().value().toString();
                row.verifiedAt = null;
            }
            row.updatedAt = now;
            return fresh ? credentials.persist(row).replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> applyOthers(UUID tenantId, IntegrationChanges changes, OffsetDateTime now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (var entry : changes.others().entrySet()) {
            chain = chain.flatMap(ignored -> connections.findById(new IntegrationConnection.Key(tenantId, entry.getKey())).flatMap(found -> {
                IntegrationConnection row = found;
                boolean fresh = row == null;
                if (fresh) {
                    row = new IntegrationConnection();
                    row.tenantId = tenantId;
                    row.name = entry.getKey();
                    row.settings = "{}";
                }
                if (entry.getValue().connected() != null) {
                    row.connected = entry.getValue().connected();
                }
                if (entry.getValue().settings() != null) {
                    row.settings = entry.getValue().settings().toString();
                }
                row.updatedAt = now;
                return fresh ? connections.persist(row).replaceWithVoid() : Uni.createFrom().voidItem();
            }));
        }
        return chain;
    }

    /** The check of test-connection passed: the credentials as they are now were accepted by NRS. */
    public Uni<OffsetDateTime> markVerified(UUID tenantId) {
        OffsetDateTime now = Clocks.now(clock);
        return Panache.withTransaction(() -> credentials.findById(tenantId).map(row -> {
            if (row != null) {
                row.verifiedAt = now;
            }
            return now;
        }));
    }

    private byte[] seal(Change<String> change, UUID tenantId, String field) {
        return change.value() == null ? null : store.seal(change.value(), tenantId, field);
    }

    private static String last4(Change<String> change) {
        String value = change.value();
        // a value this short shows nothing: its last 4 would be most of it
        return value == null || value.length() < 12 ? null : value.substring(value.length() - 4);
    }
}
