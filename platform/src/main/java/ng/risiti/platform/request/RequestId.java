package ng.risiti.platform.request;

import java.util.regex.Pattern;

/** Request ids are {@code req_} + a UUIDv7; one travels with every response, log line and error body. */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    /** Key under which the id is kept in the routing context and the logging MDC. */
    public static final String KEY = "request_id";

    private static final Pattern FORMAT = Pattern.compile("req_[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    private RequestId() {
    }

    public static String next() {
        return "req_" + UuidV7.next();
    }

    /** An id forwarded by our gateway is kept so one request has one id across processes; anything else is replaced. */
    public static String acceptOrNext(String incoming) {
        return incoming != null && FORMAT.matcher(incoming).matches() ? incoming : next();
    }
}
