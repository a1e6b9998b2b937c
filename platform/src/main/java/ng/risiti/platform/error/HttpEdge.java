package ng.risiti.platform.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import ng.risiti.platform.request.RequestIdFilter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Failures decided before a request reaches REST (no route at all, a body over the limit) get the same
 * envelope as everything else instead of Vert.x's plain-text defaults.
 */
@ApplicationScoped
public class HttpEdge {

    /** Seed 002: uploads and bodies over 10 MB are refused with 413 PAYLOAD_TOO_LARGE. */
    public static final long MAX_BODY_BYTES = 10L * 1024 * 1024;

    /** The header services send to each other's {@code /internal/*} endpoints. */
    public static final String SERVICE_TOKEN_HEADER = "X-Risiti-Service-Token";

    private final ObjectMapper json;
    private final byte[] serviceToken;

    public HttpEdge(ObjectMapper json, @ConfigProperty(name = "risiti.internal.service-token") String serviceToken) {
        this.json = json;
        this.serviceToken = serviceToken.getBytes(StandardCharsets.UTF_8);
    }

    void install(@Observes Router router) {
        router.route().order(-999).handler(this::limitBody);
        router.route("/internal/*").order(-998).handler(this::requireServiceToken);
        router.errorHandler(404, context -> fail(context, ErrorCode.NOT_FOUND,
                "No resource at " + context.request().method() + " " + context.request().path() + "."));
        router.errorHandler(405, context -> fail(context, ErrorCode.METHOD_NOT_ALLOWED,
                "Method " + context.request().method() + " is not allowed on " + context.request().path() + "."));
        router.errorHandler(413, context -> fail(context, ErrorCode.PAYLOAD_TOO_LARGE, "Request body exceeds the 10 MB limit."));
    }

    private void limitBody(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > MAX_BODY_BYTES) {
                    fail(context, ErrorCode.PAYLOAD_TOO_LARGE, "Request body exceeds the 10 MB limit.");
                    return;
                }
            } catch (NumberFormatException e) {
                fail(context, ErrorCode.VALIDATION_ERROR, "Content-Length is not a number.");
                return;
            }
        }
        context.next();
    }

    /**
     * {@code /internal/*} is never routed by the gateway or the Ingress, and also needs the shared service token, so
     * nothing else that can reach a pod (another workload in the cluster) can look up keys or rotate signing keys.
     */
    private void requireServiceToken(RoutingContext context) {
        String presented = context.request().getHeader(SERVICE_TOKEN_HEADER);
        if (presented == null || !MessageDigest.isEqual(serviceToken, presented.getBytes(StandardCharsets.UTF_8))) {
            fail(context, ErrorCode.UNAUTHORIZED, "Internal endpoints need the service token (" + SERVICE_TOKEN_HEADER + ").");
            return;
        }
        context.next();
    }

    private void fail(RoutingContext context, ErrorCode code, String message) {
        if (context.response().ended()) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(ErrorResponse.of(code, message, List.of(), RequestIdFilter.current(context)));
        } catch (JsonProcessingException e) {
            body = "{\"error\":{\"code\":\"" + code.name() + "\"}}";
        }
        context.response().setStatusCode(code.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, code == ErrorCode.PAYLOAD_TOO_LARGE ? "close" : "keep-alive")
                .end(body);
    }
}
