package ng.risiti.platform.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import ng.risiti.platform.config.IdempotencyConfig;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import ng.risiti.platform.security.Caller;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code Idempotency-Key} for every POST of every service: the first response per tenant and key is stored for 24 h
 * and replayed for the same body; the same key with another body is refused; a concurrent duplicate waits for the
 * first and gets its response, so it never creates a second resource.
 */
public class IdempotencyFilters {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final String CLAIM = "risiti.idempotency.claim";
    private static final int MAX_KEY_LENGTH = 255;
    private static final Duration POLL = Duration.ofMillis(50);

    private record Claim(String scope, String key, boolean secret) {
    }

    private final IdempotencyStore store;
    private final CurrentIdentityAssociation identity;
    private final ObjectMapper json;
    private final IdempotencyConfig config;

    public IdempotencyFilters(IdempotencyStore store, CurrentIdentityAssociation identity, ObjectMapper json, IdempotencyConfig config) {
        this.store = store;
        this.identity = identity;
        this.json = json;
        this.config = config;
    }

    @ServerRequestFilter(readBody = true)
    public Uni<Response> claim(ContainerRequestContext request, ResourceInfo resource) {
        String key = request.getHeaderString(HEADER);
        if (!"POST".equals(request.getMethod()) || key == null) {
            return Uni.createFrom().nullItem();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ApiException.validation(HEADER, HEADER + " must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        byte[] body = takesBody(resource) ? readBody(request) : new byte[0];
        String hash = hash(request.getUriInfo().getPath(), body);
        return identity.getDeferredIdentity().flatMap(who -> {
            String scope = scope(who);
            return store.claim(scope, key, hash).flatMap(existing -> {
                if (existing == null) {
                    request.setProperty(CLAIM, new Claim(scope, key, secret(resource)));
                    return Uni.createFrom().nullItem();
                }
                return answer(scope, key, hash, existing, System.nanoTime() + config.waitForInFlight().toNanos());
            });
        });
    }

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return Uni.createFrom().voidItem();
        }
        if (response.getStatus() >= 500) {
            return store.release(claim.scope(), claim.key());
        }
        if (claim.secret()) {
            return store.completeWithoutBody(claim.scope(), claim.key(), response.getStatus());
        }
        try {
            Object entity = response.getEntity();
            String body = entity == null ? null : entity instanceof String text ? text : json.writeValueAsString(entity);
            MediaType type = response.getMediaType();
            return store.complete(claim.scope(), claim.key(), response.getStatus(),
                    type == null ? MediaType.APPLICATION_JSON : type.toString(), body);
        } catch (IOException e) {
            return store.release(claim.scope(), claim.key());
        }
    }

    private Uni<Response> answer(String scope, String key, String hash, IdempotencyStore.Stored stored, long deadline) {
        if (!stored.requestHash().equals(hash)) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.UNPROCESSABLE,
                    "Idempotency-Key '" + key + "' was already used with a different request body."));
        }
        if (stored.completed() && stored.secret()) {
            return Uni.createFrom().failure(ApiException.conflict("A request with Idempotency-Key '" + key
                    + "' was already processed; its response held a secret, which is never stored, so it cannot be replayed."));
        }
        if (stored.completed()) {
            Response.ResponseBuilder replay = Response.status(stored.status()).header(REPLAYED_HEADER, "true");
            if (stored.body() != null) {
                replay.entity(stored.body()).type(stored.contentType());
            }
            return Uni.createFrom().item(replay.build());
        }
        if (System.nanoTime() > deadline) {
            return Uni.createFrom().failure(ApiException.conflict(
                    "A request with Idempotency-Key '" + key + "' is still being processed; retry shortly."));
        }
        return Uni.createFrom().voidItem().onItem().delayIt().by(POLL)
                .flatMap(ignored -> store.find(scope, key))
                .flatMap(next -> next == null
                        ? Uni.createFrom().failure(ApiException.conflict("The first request with Idempotency-Key '" + key + "' failed; retry."))
                        : answer(scope, key, hash, next, deadline));
    }

    private static boolean secret(ResourceInfo resource) {
        return resource != null && resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(SecretResponse.class);
    }

    private static String scope(SecurityIdentity who) {
        UUID tenant = who == null || who.isAnonymous() ? null : who.getAttribute(Caller.TENANT_ID);
        return tenant == null ? "public" : tenant.toString();
    }

    /**
     * Whether the endpoint reads a request body (a parameter that is not a path, query, header or context one). Only
     * then has it been read ahead; an endpoint without one has nothing to hash, and reading would block the event loop.
     */
    private static boolean takesBody(ResourceInfo resource) {
        for (java.lang.reflect.Parameter parameter : resource.getResourceMethod().getParameters()) {
            boolean bound = java.util.Arrays.stream(parameter.getAnnotations()).map(a -> a.annotationType().getPackageName())
                    .anyMatch(name -> name.startsWith("jakarta.ws.rs") || name.startsWith("org.jboss.resteasy.reactive"));
            if (!bound) {
                return true;
            }
        }
        return false;
    }

    private static byte[] readBody(ContainerRequestContext request) {
        try {
            byte[] body = request.getEntityStream() == null ? new byte[0] : request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
