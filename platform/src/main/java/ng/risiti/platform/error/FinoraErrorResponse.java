package ng.risiti.platform.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import ng.risiti.platform.finora.FinoraDialect;

/**
 * The Finora dialect's error envelope: {@code {"success":false,"error":{"code","message","field","requestId"}}}. It
 * names one field, so a validation failure shows its first bad field and that field's message.
 */
public record FinoraErrorResponse(boolean success, Body error) {

    public record Body(String code, String message, String field, @JsonProperty("requestId") String requestId) {
    }

    public static FinoraErrorResponse of(ErrorCode code, String message, List<FieldError> details, String requestId) {
        if (details == null || details.isEmpty()) {
            return new FinoraErrorResponse(false, new Body(code.name(), message, null, requestId));
        }
        FieldError first = details.getFirst();
        String field = FinoraDialect.fieldPath(first.field());
        // the message starts with the field's last segment in the API's snake_case: say it the dialect's way
        String leaf = FieldPaths.leaf(first.field());
        String text = first.message().startsWith(leaf) ? FinoraDialect.camel(leaf) + first.message().substring(leaf.length()) : first.message();
        return new FinoraErrorResponse(false, new Body(code.name(), text, field, requestId));
    }

    /** The envelope a request at {@code path} gets: the dialect's under {@code /v1/}, else the API's. */
    public static Object forPath(String path, ErrorCode code, String message, List<FieldError> details, String requestId) {
        return FinoraDialect.applies(path) ? of(code, message, details, requestId) : ErrorResponse.of(code, message, details, requestId);
    }
}
