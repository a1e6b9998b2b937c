package ng.risiti.nrs.sandbox.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import ng.risiti.nrs.sandbox.NrsException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure, including malformed JSON and unknown paths, answers in NRS's error envelope. */
public class NrsExceptionMappers {

    @ServerExceptionMapper
    public Response nrs(NrsException e) {
        return NrsEnvelope.error(e.status(), e.handler(), e.getMessage(), e.details());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message = status == 404 ? "resource not found" : status == 405 ? "method not allowed" : "invalid request";
        return NrsEnvelope.error(status, "request", message, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        return NrsEnvelope.error(500, "internal", "internal server error", e.getClass().getSimpleName() + ": " + e.getMessage());
    }
}
