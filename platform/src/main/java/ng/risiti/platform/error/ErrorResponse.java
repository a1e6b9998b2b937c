package ng.risiti.platform.error;

import java.util.List;

/** The error envelope (docs/api-rules.md, Errors): {@code {"error":{"code","message","details":[],"request_id"}}}. */
public record ErrorResponse(Body error) {

    public record Body(String code, String message, List<FieldError> details, String requestId) {
    }

    public static ErrorResponse of(ErrorCode code, String message, List<FieldError> details, String requestId) {
        return new ErrorResponse(new Body(code.name(), message, details == null ? List.of() : details, requestId));
    }
}
