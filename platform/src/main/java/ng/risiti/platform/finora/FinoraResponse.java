package ng.risiti.platform.finora;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The dialect's success envelope: {@code {"success":true,"data":{...},"meta":{"requestId","rateLimit"}}}, written
 * camelCase by {@link FinoraJson}. {@code rateLimit} is absent until per-plan rate limits exist.
 */
public record FinoraResponse<T>(boolean success, T data, Meta meta) {

    public record Meta(String requestId, @JsonInclude(JsonInclude.Include.NON_NULL) RateLimit rateLimit) {
    }

    public record RateLimit(long limit, long remaining) {
    }

    public static <T> FinoraResponse<T> of(T data, String requestId) {
        return new FinoraResponse<>(true, data, new Meta(requestId, null));
    }
}
