package ng.risiti.platform.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.resteasy.reactive.jackson.CustomSerialization;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import io.vertx.pgclient.PgException;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import ng.risiti.platform.security.Caller;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code Idempotency-Key} that holds under faults: the claim of the key, the endpoint's effect and the outcome to
 * replay are written in one database transaction (the endpoint's own {@code Panache.withTransaction} joins it). A
 * crash anywhere leaves either nothing (the retry runs afresh) or the effect with its outcome (the retry replays it);
 * never an effect without an outcome. Errors are not stored: the transaction rolls back and a retry runs again.
 *
 * <p>Keys are scoped to tenant, mode (live/test) and credential (API key, or user of a session), so two users of one
 * tenant, or a live and a test key, never see each other's outcomes.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class IdempotencyInterceptor {

    private final IdempotencyStore store;
    private final CurrentVertxRequest currentRequest;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final Map<String, ObjectWriter> customWriters = new ConcurrentHashMap<>();

    public IdempotencyInterceptor(IdempotencyStore store, CurrentVertxRequest currentRequest, SecurityIdentity identity, ObjectMapper json) {
        this.store = store;
        this.currentRequest = currentRequest;
        this.identity = identity;
        this.json = json;
    }

    @AroundInvoke
    Object around(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        RoutingContext routing = currentRequest.getCurrent();
        IdempotencyFilters.Requested requested = routing == null ? null : routing.get(IdempotencyFilters.REQUESTED);
        if (requested == null || !method.isAnnotationPresent(POST.class) || method.isAnnotationPresent(IgnoresIdempotencyKey.class)) {
            return invocation.proceed();
        }
        String scope = scope(identity);
        boolean secret = method.isAnnotationPresent(SecretResponse.class);
        return Panache.withTransaction(() -> store.claim(scope, requested.key(), requested.requestHash())
                        .flatMap(stored -> stored != null
                                ? Uni.createFrom().item(replay(stored, requested))
                                : proceed(invocation).call(result -> record(scope, requested.key(), method, result, secret))))
                .onFailure(IdempotencyInterceptor::lockTimeout).transform(failure -> ApiException.conflict(
                        "A request with Idempotency-Key '" + requested.key() + "' is still being processed; retry shortly."));
    }

    private static Uni<Object> proceed(InvocationContext invocation) {
        try {
            Object result = invocation.proceed();
            if (result instanceof Uni<?> uni) {
                return uni.map(item -> item);
            }
            return Uni.createFrom().item(result);
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
    }

    private Uni<Void> record(String scope, String key, Method method, Object result, boolean secret) {
        int status;
        Object entity;
        MediaType type = null;
        Map<String, String> headers = new LinkedHashMap<>();
        if (result instanceof RestResponse<?> response) {
            status = response.getStatus();
            entity = response.getEntity();
            type = response.getMediaType();
            copyReplayedHeaders(response.getStringHeaders(), headers);
        } else if (result instanceof Response response) {
            status = response.getStatus();
            entity = response.getEntity();
            type = response.getMediaType();
            copyReplayedHeaders(response.getStringHeaders(), headers);
        } else {
            ResponseStatus declared = method.getAnnotation(ResponseStatus.class);
            status = declared != null ? declared.value() : result == null ? 204 : 200;
            entity = result;
        }
        if (status >= 400) {
            return store.release(scope, key);
        }
        byte[] body;
        try {
            body = entity == null ? null : entity instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : serialize(method, entity);
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
        return store.complete(scope, key, status, type == null ? MediaType.APPLICATION_JSON : type.toString(), headers, body, secret);
    }

    /**
     * The entity as the resource's own writer wrote it: a resource with its own serialization (the Finora dialect's
     * camelCase) is replayed in that form, not the API's snake_case.
     */
    private byte[] serialize(Method method, Object entity) throws Exception {
        CustomSerialization custom = method.getAnnotation(CustomSerialization.class);
        if (custom == null) {
            custom = method.getDeclaringClass().getAnnotation(CustomSerialization.class);
        }
        if (custom == null) {
            return json.writeValueAsBytes(entity);
        }
        Class<? extends BiFunction<ObjectMapper, Type, ObjectWriter>> writerOf = custom.value();
        ObjectWriter writer = customWriters.computeIfAbsent(writerOf.getName() + " " + entity.getClass().getName(), ignored -> {
            try {
                return writerOf.getDeclaredConstructor().newInstance().apply(json, entity.getClass());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot make " + writerOf.getName(), e);
            }
        });
        return writer.writeValueAsBytes(entity);
    }

    private static void copyReplayedHeaders(jakarta.ws.rs.core.MultivaluedMap<String, String> from, Map<String, String> to) {
        for (String name : IdempotencyStore.replayedHeaders()) {
            String value = from.getFirst(name);
            if (value != null) {
                to.put(name, value);
            }
        }
    }

    private static Response replay(IdempotencyStore.Stored stored, IdempotencyFilters.Requested requested) {
        if (!stored.requestHash().equals(requested.requestHash())) {
            throw new ApiException(ErrorCode.UNPROCESSABLE,
                    "Idempotency-Key '" + requested.key() + "' was already used with a different request.");
        }
        if (stored.secret()) {
            throw ApiException.conflict("A request with Idempotency-Key '" + requested.key()
                    + "' was already processed; its response held a secret, which is never stored, so it cannot be replayed.");
        }
        Response.ResponseBuilder replay = Response.status(stored.status()).header(IdempotencyFilters.REPLAYED_HEADER, "true");
        stored.headers().forEach(replay::header);
        if (stored.body() != null) {
            replay.entity(new String(stored.body(), StandardCharsets.UTF_8)).type(stored.contentType());
        }
        return replay.build();
    }

    /** Tenant, world and credential: whose outcomes a key may replay. */
    static String scope(SecurityIdentity who) {
        UUID tenant = who == null || who.isAnonymous() ? null : who.getAttribute(Caller.TENANT_ID);
        if (tenant == null) {
            return "anonymous";
        }
        boolean test = Boolean.TRUE.equals(who.getAttribute(Caller.TEST_MODE));
        UUID apiKey = who.getAttribute(Caller.API_KEY_ID);
        UUID user = who.getAttribute(Caller.USER_ID);
        String credential = apiKey != null ? "key:" + apiKey : user != null ? "user:" + user : "tenant";
        return tenant + ":" + (test ? "test" : "live") + ":" + credential;
    }

    private static boolean lockTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && "55P03".equals(pg.getSqlState())
                    || t instanceof java.sql.SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
