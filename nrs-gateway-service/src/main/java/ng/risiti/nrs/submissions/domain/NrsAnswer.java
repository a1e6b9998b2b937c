package ng.risiti.nrs.submissions.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one NRS call came back with: its HTTP status (0 when NRS never answered: a timeout or a refused connection),
 * NRS's envelope ({@code {"code","data"}} or {@code {"code","data":null,"message","error":{"id","handler","details"}}}),
 * the request id (NRS's error id when it gave one, else the id the gateway sent), and how long it took.
 */
public record NrsAnswer(int status, JsonNode body, String requestId, long latencyMillis, Duration retryAfter, String transportError) {

    public static NrsAnswer unanswered(String requestId, long latencyMillis, String transportError) {
        return new NrsAnswer(0, NullNode.getInstance(), requestId, latencyMillis, null, transportError);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** Worth trying again later: NRS did not answer, was overloaded (429) or failed itself (5xx). */
    public boolean transientFailure() {
        return status == 0 || status == 429 || status >= 500;
    }

    public JsonNode data() {
        return body.path("data");
    }

    /** NRS's message, or what went wrong on the way when it never answered. */
    public String message() {
        if (status == 0) {
            return transportError;
        }
        String message = body.path("message").asText("");
        if (message.isBlank()) {
            message = body.path("error").path("public_message").asText("");
        }
        return message.isBlank() ? "NRS answered HTTP " + status : message;
    }

    /** NRS's field-level problems: its {@code error.details}, which it joins with "; ". */
    public List<String> details() {
        JsonNode details = body.path("error").path("details");
        List<String> out = new ArrayList<>();
        if (details.isArray()) {
            details.forEach(d -> out.add(d.asText()));
        } else if (details.isTextual() && !details.asText().isBlank()) {
            for (String part : details.asText().split(";\\s*")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }
}
