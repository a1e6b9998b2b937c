package ng.risiti.platform.finora;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vertx.ext.web.RoutingContext;
import ng.risiti.platform.ratelimit.RateLimitFilter;
import ng.risiti.platform.ratelimit.RateLimiter;
import ng.risiti.platform.request.RequestIdFilter;

/**
 * The dialect's success envelope: {@code {"success":true,"data":{...},"meta":{"requestId","rateLimit"}}}, written
 * camelCase by {@link FinoraJson}. {@code rateLimit} is what the rate limiter decided for this request (the same
 * numbers as the {@code X-RateLimit-*} headers); absent for a caller it does not count.
 */
public record FinoraResponse<T>(boolean success, T data, Meta meta) {

    public record Meta(String requestId, @JsonInclude(JsonInclude.Include.NON_NULL) RateLimit rateLimit) {
    }

    public record RateLimit(long limit, long remaining) {
    }

    public static <T> FinoraResponse<T> of(T data, String requestId) {
        return new FinoraResponse<>(true, data, new Meta(requestId, null));
    }

    /** The envelope of the request being answered: its id and its rate limit. */
    public static <T> FinoraResponse<T> of(T data, RoutingContext routing) {
        RateLimiter.Verdict verdict = routing == null ? null : routing.get(RateLimitFilter.VERDICT);
        return new FinoraResponse<>(true, data, new Meta(RequestIdFilter.current(routing),
                verdict == null ? null : new RateLimit(verdict.limit(), verdict.remaining())));
    }
}
