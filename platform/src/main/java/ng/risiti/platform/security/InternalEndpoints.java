package ng.risiti.platform.security;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import ng.risiti.platform.error.ErrorCode;
import ng.risiti.platform.error.HttpEdge;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /internal/*} is never routed by the gateway, and also needs the shared service token, so nothing else that
 * can reach a service (another workload in the cluster) can look up keys or rotate signing keys.
 */
@ApplicationScoped
public class InternalEndpoints {

    /** The header services send to each other's {@code /internal/*} endpoints. */
    public static final String SERVICE_TOKEN_HEADER = "X-Risiti-Service-Token";

    private final HttpEdge edge;
    private final byte[] serviceToken;

    public InternalEndpoints(HttpEdge edge, @ConfigProperty(name = "risiti.internal.service-token") String serviceToken) {
        this.edge = edge;
        this.serviceToken = serviceToken.getBytes(StandardCharsets.UTF_8);
    }

    void install(@Observes Router router) {
        router.route("/internal/*").order(-998).handler(this::requireServiceToken);
    }

    private void requireServiceToken(RoutingContext context) {
        String presented = context.request().getHeader(SERVICE_TOKEN_HEADER);
        if (presented == null || !MessageDigest.isEqual(serviceToken, presented.getBytes(StandardCharsets.UTF_8))) {
            edge.fail(context, ErrorCode.UNAUTHORIZED, "Internal endpoints need the service token (" + SERVICE_TOKEN_HEADER + ").");
            return;
        }
        context.next();
    }
}
