package ng.risiti.auth.apikey.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ng.risiti.auth.apikey.domain.ApiKey;
import ng.risiti.auth.apikey.events.ApiKeyEvents;
import ng.risiti.auth.apikey.repository.ApiKeyRepository;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.FieldError;
import ng.risiti.platform.pagination.Page;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.pagination.Pagination;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.rest.Ids;
import ng.risiti.platform.security.ApiKeyRegistry;
import ng.risiti.platform.security.ApiKeyState;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Credentials;
import ng.risiti.platform.security.Scope;
import ng.risiti.platform.time.Clocks;

/**
 * API keys: created and revoked here, announced as {@link ApiKeyState} on the compacted {@code risiti.api-keys.v1}
 * (key = key hash) in the same transaction, which is how every service learns of a revocation within a second.
 */
@ApplicationScoped
public class ApiKeyService {

    /** A key to create: {@code test} makes it a sandbox key ({@code rs_test_}); {@code expiresAt} may be null. */
    public record NewKey(String name, List<String> scopes, Instant expiresAt, boolean test) {
    }

    /** A new key and its secret, which exists only in this response. */
    public record Created(ApiKey key, String secret) {
    }

    private static final int SECRET_BYTES = 20;
    private static final int PREFIX_HEX = 6;

    private final ApiKeyRepository keys;
    private final ApiKeyEvents events;
    private final Pagination pagination;
    private final ApiKeyRegistry registry;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public ApiKeyService(ApiKeyRepository keys, ApiKeyEvents events, Pagination pagination, ApiKeyRegistry registry, Clock clock) {
        this.keys = keys;
        this.events = events;
        this.pagination = pagination;
        this.registry = registry;
        this.clock = clock;
    }

    public Uni<Created> create(Caller caller, NewKey request) {
        List<String> scopes = knownScopes(request.scopes());
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String hex = HexFormat.of().formatHex(bytes);
        String keyPrefix = request.test() ? Credentials.TEST_PREFIX : Credentials.LIVE_PREFIX;
        String secret = keyPrefix + hex;

        ApiKey key = new ApiKey();
        key.id = UuidV7.next();
        key.tenantId = caller.tenantId();
        key.createdBy = caller.userId();
        key.name = request.name().trim();
        key.keyHash = Credentials.hash(secret);
        key.prefix = keyPrefix + hex.substring(0, PREFIX_HEX);
        key.scopes = scopes;
        key.test = request.test();
        key.expiresAt = request.expiresAt() == null ? null : request.expiresAt().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        key.createdAt = Clocks.now(clock);
        return Panache.withTransaction(() -> keys.persist(key).flatMap(ignored -> events.changed(key)))
                // this replica knows at once; the others learn from the topic (or ask us on first sight)
                .invoke(state -> registry.accept(state, 0))
                .map(ignored -> new Created(key, secret));
    }

    public Uni<Page<ApiKey>> list(Caller caller, PageRequest page) {
        return Panache.withSession(() -> keys.listLive(caller.tenantId(), page))
                .map(rows -> pagination.page(rows, page, row -> Map.of(ApiKeyRepository.CURSOR_ID, row.id.toString())));
    }

    /** Unknown ids, other tenants' keys and already revoked keys are all "not found". */
    public Uni<Void> revoke(Caller caller, String id) {
        UUID keyId = Ids.parse(id, "API key");
        return Panache.withTransaction(() -> keys.findLive(caller.tenantId(), keyId).flatMap(key -> {
                    if (key == null) {
                        return Uni.createFrom().failure(notFound(id));
                    }
                    key.revokedAt = Clocks.now(clock);
                    return events.changed(key);
                }))
                .invoke(state -> registry.accept(state, 0))
                .replaceWithVoid();
    }

    /**
     * Revokes every live key {@code userId} created, inside the caller's transaction (a member's removal): a removed
     * member's integrations must not keep working. Publishes each revocation; apply {@link #learned} after commit.
     */
    public Uni<List<ApiKeyState>> revokeAllCreatedBy(UUID tenantId, UUID userId, OffsetDateTime at) {
        return keys.liveCreatedBy(tenantId, userId).flatMap(created -> {
            List<ApiKeyState> states = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ApiKey key : created) {
                key.revokedAt = at;
                chain = chain.chain(() -> events.changed(key)).invoke(states::add).replaceWithVoid();
            }
            return chain.replaceWith(states);
        });
    }

    /** This replica knows committed key states at once; the others learn them from the topic. */
    public void learned(List<ApiKeyState> states) {
        states.forEach(state -> registry.accept(state, 0));
    }

    /** The state other services ask for when a key is not in their replica yet; revoked keys included. */
    public Uni<ApiKeyState> state(String keyHash) {
        return Panache.withSession(() -> keys.findByHash(keyHash)).map(key -> key == null ? null : ApiKeyEvents.state(key));
    }

    private static List<String> knownScopes(List<String> requested) {
        List<FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            String scope = requested.get(i);
            if (!Scope.isKnown(scope)) {
                unknown.add(new FieldError("scopes." + i, "scopes." + i + " must be one of: " + String.join(", ", Scope.ALL)));
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiException.validation(unknown);
        }
        return List.copyOf(new LinkedHashSet<>(requested));
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("API key", id);
    }
}
