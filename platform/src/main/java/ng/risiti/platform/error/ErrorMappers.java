package ng.risiti.platform.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import ng.risiti.platform.request.RequestId;
import ng.risiti.platform.security.Credentials;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place a failure becomes an HTTP response. Every service gets these through the platform jar, so
 * every endpoint answers bad input with the same envelope and never leaks a stack trace.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    /** Ahead of Quarkus' built-in mappers for the same exception types. */
    private static final int FIRST = 1;

    @ServerExceptionMapper(priority = FIRST)
    public Response api(ApiException e, HttpServerRequest request) {
        Response.ResponseBuilder response = Response.status(e.code().status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(e.code(), e.getMessage(), e.details(), request));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response violations(ConstraintViolationException e, HttpServerRequest request) {
        List<FieldError> details = e.getConstraintViolations().stream()
                .map(ErrorMappers::fieldError)
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .distinct()
                .toList();
        return respond(ErrorCode.VALIDATION_ERROR, "Request body validation failed.", details, request);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response malformed(JsonParseException e, HttpServerRequest request) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(ErrorCode.VALIDATION_ERROR, "Request body is not valid JSON.",
                List.of(new FieldError("body", "malformed JSON" + where)), request);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response invalidFormat(InvalidFormatException e, HttpServerRequest request) {
        return binding(e, request);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response mismatched(MismatchedInputException e, HttpServerRequest request) {
        return binding(e, request);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response instantiation(ValueInstantiationException e, HttpServerRequest request) {
        return binding(e, request);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response mapping(JsonMappingException e, HttpServerRequest request) {
        return binding(e, request);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        return respond(ErrorCode.VALIDATION_ERROR, "Request body is not valid JSON.",
                List.of(new FieldError("body", "malformed JSON")), request);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        LOG.debugf(e, "Authentication failed on %s %s", request.method(), request.path());
        if (Credentials.lookupUnavailable(e)) {
            return Response.status(ErrorCode.SERVICE_UNAVAILABLE.status()).type(MediaType.APPLICATION_JSON_TYPE).header("Retry-After", "1")
                    .entity(body(ErrorCode.SERVICE_UNAVAILABLE, "API keys cannot be checked right now; retry shortly.", List.of(), request))
                    .build();
        }
        if (Credentials.expired(e)) {
            return respond(ErrorCode.TOKEN_EXPIRED, "Access token has expired. Call POST /auth/refresh.", List.of(), request);
        }
        return respond(ErrorCode.UNAUTHORIZED, "Missing or invalid authentication token or API key.", List.of(), request);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return respond(ErrorCode.UNAUTHORIZED, "Missing or invalid authentication token or API key.", List.of(), request);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(ErrorCode.FORBIDDEN, "Your role or API key scope does not allow this operation.", List.of(), request);
    }

    /** Two writers raced for the same row (optimistic lock): the loser retries. */
    @ServerExceptionMapper(priority = FIRST)
    public Response optimisticLock(jakarta.persistence.OptimisticLockException e, HttpServerRequest request) {
        return respond(ErrorCode.CONFLICT, "The resource was changed by another request; retry.", List.of(), request);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response staleState(org.hibernate.StaleStateException e, HttpServerRequest request) {
        return respond(ErrorCode.CONFLICT, "The resource was changed by another request; retry.", List.of(), request);
    }

    /** A unique constraint caught a duplicate that a pre-check could not (two concurrent creates). */
    @ServerExceptionMapper(priority = FIRST)
    public Response duplicate(org.hibernate.exception.ConstraintViolationException e, HttpServerRequest request) {
        if (e.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
            return respond(ErrorCode.CONFLICT, "A resource with the same unique value already exists.", List.of(), request);
        }
        LOG.error("Constraint violation", e);
        return respond(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred. Contact support with the request_id.", List.of(), request);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response postgres(io.vertx.pgclient.PgException e, HttpServerRequest request) {
        if ("23505".equals(e.getSqlState())) {
            return respond(ErrorCode.CONFLICT, "A resource with the same unique value already exists.", List.of(), request);
        }
        return unexpected(e, request);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response web(WebApplicationException e, HttpServerRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonParseException parse) {
            return malformed(parse, request);
        }
        if (cause instanceof JsonMappingException mapping) {
            return binding(mapping, request);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        ErrorCode code = ErrorCode.forStatus(status);
        if (status >= 500) {
            LOG.error("Unhandled server error", e);
            return respond(code, "An unexpected error occurred. Contact support with the request_id.", List.of(), request);
        }
        String message = switch (status) {
            case 404 -> "No resource at " + request.method() + " " + request.path() + ".";
            case 405 -> "Method " + request.method() + " is not allowed on " + request.path() + ".";
            case 413 -> "Request body exceeds the 10 MB limit.";
            case 415 -> "Content-Type must be application/json.";
            default -> e.getMessage();
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(code, message, List.of(), request)).build();
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        LOG.errorf(e, "Unexpected error on %s %s", request.method(), request.path());
        return respond(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred. Contact support with the request_id.", List.of(), request);
    }

    private Response binding(JsonMappingException e, HttpServerRequest request) {
        String field = FieldPaths.of(e);
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        String message = FieldPaths.leaf(field) + " must be " + FieldPaths.expected(target);
        if (e instanceof ValueInstantiationException && e.getCause() != null && e.getCause().getMessage() != null) {
            message = FieldPaths.leaf(field) + ": " + e.getCause().getMessage();
        }
        return respond(ErrorCode.VALIDATION_ERROR, "Request body validation failed.", List.of(new FieldError(field, message)), request);
    }

    private static FieldError fieldError(ConstraintViolation<?> violation) {
        String field = FieldPaths.of(violation);
        return new FieldError(field, FieldPaths.leaf(field) + " " + violation.getMessage());
    }

    private static Response respond(ErrorCode code, String message, List<FieldError> details, HttpServerRequest request) {
        return Response.status(code.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(code, message, details, request)).build();
    }

    /** The API's envelope, or the Finora dialect's under {@code /v1/}. */
    private static Object body(ErrorCode code, String message, List<FieldError> details, HttpServerRequest request) {
        return FinoraErrorResponse.forPath(request == null ? null : request.path(), code, message, details, requestId(request));
    }

    static String requestId(HttpServerRequest request) {
        String id = request == null ? null : request.response().headers().get(RequestId.HEADER);
        return id != null ? id : RequestId.next();
    }
}
