package ng.risiti.platform.error;

import java.util.List;

/** A failure the client should see as a seed error: thrown anywhere, rendered once by {@link ErrorMappers}. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldError> details;
    private final java.util.Map<String, String> headers;

    public ApiException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public ApiException(ErrorCode code, String message, List<FieldError> details) {
        this(code, message, details, java.util.Map.of());
    }

    /** With response headers the client needs to act on the error, e.g. {@code Retry-After} on a 429. */
    public ApiException(ErrorCode code, String message, List<FieldError> details, java.util.Map<String, String> headers) {
        super(message, null, false, false);
        this.code = code;
        this.details = List.copyOf(details);
        this.headers = java.util.Map.copyOf(headers);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> details() {
        return details;
    }

    public java.util.Map<String, String> headers() {
        return headers;
    }

    /** 429 RATE_LIMIT_EXCEEDED with {@code Retry-After} in seconds. */
    public static ApiException tooManyRequests(String message, long retryAfterSeconds) {
        return new ApiException(ErrorCode.RATE_LIMIT_EXCEEDED, message, List.of(),
                java.util.Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    public static ApiException notFound(String resource, Object id) {
        return new ApiException(ErrorCode.NOT_FOUND, resource + " with id '" + id + "' was not found.");
    }

    public static ApiException validation(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, "Request validation failed.", List.of(new FieldError(field, message)));
    }

    public static ApiException validation(List<FieldError> details) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, "Request validation failed.", details);
    }

    public static ApiException unprocessable(String message) {
        return new ApiException(ErrorCode.UNPROCESSABLE, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(ErrorCode.CONFLICT, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(ErrorCode.UNAUTHORIZED, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message);
    }
}
