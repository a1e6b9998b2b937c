package ng.risiti.platform.request;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import ng.risiti.platform.security.RisitiAuthenticationMechanism;
import org.jboss.logging.MDC;

/** Gives every request its id before anything else runs, so errors and logs can name it. */
@ApplicationScoped
public class RequestIdFilter {

    /** Runs before every other route, REST included. */
    static final int ORDER = -1000;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::assign);
    }

    void assign(RoutingContext context) {
        String id = RequestId.acceptOrNext(context.request().getHeader(RequestId.HEADER));
        context.put(RequestId.KEY, id);
        context.response().putHeader(RequestId.HEADER, id);
        MDC.put(RequestId.KEY, id);
        // set again once the caller is known (RisitiAuthenticationMechanism); never a previous request's on a reused thread
        MDC.remove(RisitiAuthenticationMechanism.TENANT_ID_MDC);
        context.next();
    }

    /** The id of the request being handled, or a fresh one outside a request. */
    public static String current(RoutingContext context) {
        String id = context == null ? null : context.get(RequestId.KEY);
        return id != null ? id : RequestId.next();
    }
}
