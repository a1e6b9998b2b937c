package ng.risiti.webhook.deliveries.domain;

/**
 * What one attempt got: the HTTP status (null when no answer came: timeout, refused connection or address), how long
 * it took, the first 1 KB of the answer, and what went wrong when nothing came back.
 */
public record AttemptOutcome(Integer statusCode, int latencyMs, String responseExcerpt, String error) {

    public static final int EXCERPT_BYTES = 1024;

    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    public static AttemptOutcome failed(int latencyMs, String error) {
        return new AttemptOutcome(null, latencyMs, null, error);
    }

    /** What the attempt log says about a failure, for {@code last_error}. */
    public String summary() {
        if (succeeded()) {
            return null;
        }
        return statusCode != null ? "HTTP " + statusCode : error;
    }
}
