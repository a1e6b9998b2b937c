package ng.risiti.platform.idempotency;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import ng.risiti.platform.crypto.SecretBox;
import ng.risiti.platform.error.ApiException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Reads an {@code Idempotency-Key} off a POST to an {@link Idempotent} resource, before the body is consumed: checks
 * the key and fingerprints the request (an HMAC under a server key of method, path and body, so a stored fingerprint of
 * a body holding a password reveals nothing). {@link IdempotencyInterceptor} does the rest around the endpoint.
 */
public class IdempotencyFilters {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final String REQUESTED = "risiti.idempotency.requested";
    private static final int MAX_KEY_LENGTH = 255;

    /** What the client asked for: this key, for a request with this fingerprint. */
    record Requested(String key, String requestHash) {
    }

    private final SecretKey hashKey;

    public IdempotencyFilters(SecretBox box) {
        this.hashKey = box.derivedMacKey("idempotency request fingerprint v1");
    }

    @ServerRequestFilter(readBody = true)
    public void read(ContainerRequestContext request, ResourceInfo resource, RoutingContext routing) {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod()) || !applies(resource)) {
            return;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ApiException.validation(HEADER, HEADER + " must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        byte[] body = takesBody(resource.getResourceMethod()) ? readBody(request) : new byte[0];
        routing.put(REQUESTED, new Requested(key, fingerprint(request.getMethod(), request.getUriInfo().getPath(), body)));
    }

    /** Whether the endpoint stores outcomes: a POST of an {@link Idempotent} resource that does not ignore the key. */
    static boolean applies(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        return method != null && method.isAnnotationPresent(POST.class) && !method.isAnnotationPresent(IgnoresIdempotencyKey.class)
                && (method.isAnnotationPresent(Idempotent.class) || resource.getResourceClass().isAnnotationPresent(Idempotent.class));
    }

    private String fingerprint(String method, String path, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            mac.update(method.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(path.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the endpoint reads a request body (a parameter that is not a path, query, header or context one). Only
     * then has it been read ahead; an endpoint without one has nothing to fingerprint, and reading would block.
     */
    static boolean takesBody(Method method) {
        for (java.lang.reflect.Parameter parameter : method.getParameters()) {
            boolean bound = java.util.Arrays.stream(parameter.getAnnotations()).map(a -> a.annotationType().getPackageName())
                    .anyMatch(name -> name.startsWith("jakarta.ws.rs") || name.startsWith("org.jboss.resteasy.reactive"));
            if (!bound && !parameter.getType().getName().startsWith("io.vertx")) {
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
}
