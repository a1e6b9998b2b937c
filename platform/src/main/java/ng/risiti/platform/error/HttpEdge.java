package ng.risiti.platform.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import ng.risiti.platform.request.RequestIdFilter;

/**
 * Failures decided before a request reaches REST (no route at all, a body over the limit) get the same
 * envelope as everything else instead of Vert.x's plain-text defaults.
 */
@ApplicationScoped
public class HttpEdge {

    /** Bodies over 10 MB are refused with 413 PAYLOAD_TOO_LARGE. */
    public static final long MAX_BODY_BYTES = 10L * 1024 * 1024;

    private final ObjectMapper json;

    public HttpEdge(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(-999).handler(this::limitBody);
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

    /** Ends the request with the API's error envelope (a handler that runs before REST has no exception mappers). */
    public void fail(RoutingContext context, ErrorCode code, String message) {
        if (context.response().ended()) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(FinoraErrorResponse.forPath(context.request().path(), code, message, List.of(),
                    RequestIdFilter.current(context)));
        } catch (JsonProcessingException e) {
            body = "{\"error\":{\"code\":\"" + code.name() + "\"}}";
        }
        context.response().setStatusCode(code.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, code == ErrorCode.PAYLOAD_TOO_LARGE ? "close" : "keep-alive")
                .end(body);
    }
}
