package ng.risiti.nrs.submissions.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.micrometer.core.instrument.Timer;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import ng.risiti.nrs.submissions.config.NrsConfig;
import ng.risiti.nrs.submissions.domain.NrsAnswer;
import ng.risiti.platform.observability.Traces;

/**
 * The gateway's HTTP client of NRS: test mode talks to the sandbox URL only, live mode to {@code risiti.nrs.url}, so a
 * test submission can never reach the real NRS. Every call gets its own request id and a deadline; a call NRS never
 * answers becomes an {@link NrsAnswer} with status 0 rather than a failure, so one place decides what is worth retrying.
 */
@ApplicationScoped
public class NrsClient {

    /** Histogram buckets for latency panels and p99 without a bucket per millisecond. */
    private static final Duration[] SLO = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    /** Span attributes of an NRS call (named as the risiti.nrs.calls metric's tags, plus the HTTP status). */
    public static final AttributeKey<String> STEP = AttributeKey.stringKey("risiti.nrs.step");
    public static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("risiti.nrs.outcome");
    public static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");

    private final NrsMbsApi sandbox;
    private final NrsMbsApi live;
    private final ObjectMapper json;
    private final Duration timeout;
    private final MeterRegistry metrics;
    private final Traces traces;

    public NrsClient(NrsConfig config, ObjectMapper json, MeterRegistry metrics, Traces traces) {
        this.sandbox = build(config.sandboxUrl(), config.timeout());
        this.live = build(config.url(), config.timeout());
        this.json = json;
        this.timeout = config.timeout();
        this.metrics = metrics;
        this.traces = traces;
    }

    private static NrsMbsApi build(String url, Duration timeout) {
        return QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(url))
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                // every status is an answer to read (NRS's envelope), not an exception
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(NrsMbsApi.class);
    }

    /**
     * Calls NRS in the given world; {@code call} gets the API and the request id to send. {@code step} names the call in
     * the {@code risiti.nrs.calls} timer (validate_irn, sign, transmit ...), so latency and failures show per step.
     */
    public Uni<NrsAnswer> call(boolean test, String step, CallWith call) {
        NrsMbsApi api = test ? sandbox : live;
        String requestId = UUID.randomUUID().toString();
        Attributes attributes = Attributes.builder().put(STEP, step).put("risiti.mode", test ? "test" : "live")
                .put("risiti.nrs.request_id", requestId).build();
        // a span per call, in the trace of what made it (a submission's claim continues the submit-firs request's trace)
        return traces.inSpan(null, "nrs " + step, SpanKind.INTERNAL, attributes, NrsClient::annotate, () -> {
            long started = System.nanoTime();
            return Uni.createFrom().deferred(() -> call.apply(api, requestId))
                    .ifNoItem().after(timeout.plusSeconds(1)).failWith(() -> new java.util.concurrent.TimeoutException("no answer within " + timeout))
                    .map(response -> read(response, requestId, started))
                    .onFailure().recoverWithItem(failure -> NrsAnswer.unanswered(requestId, millisSince(started), describe(failure)))
                    .invoke(answer -> measure(step, test, answer, started));
        });
    }

    /** The span says what the metric says: the outcome, and NRS's HTTP status when it answered. */
    private static void annotate(Span span, NrsAnswer answer) {
        span.setAttribute(OUTCOME, outcome(answer));
        if (answer.status() != 0) {
            span.setAttribute(HTTP_STATUS, answer.status());
        }
        if (!answer.ok()) {
            span.setStatus(StatusCode.ERROR, answer.transportError() != null ? answer.transportError() : "NRS answered " + answer.status());
        }
    }

    private static String outcome(NrsAnswer answer) {
        return answer.ok() ? "ok" : answer.transientFailure() ? "failed" : "refused";
    }

    /** outcome: ok, refused (NRS said no: 4xx) or failed (no answer, 429, 5xx: what the NRS failure-rate alert watches). */
    private void measure(String step, boolean test, NrsAnswer answer, long started) {
        Timer.builder("risiti.nrs.calls").description("Calls to NRS by MBS step and outcome").tag("step", step).tag("outcome", outcome(answer))
                .tag("mode", test ? "test" : "live").serviceLevelObjectives(SLO).register(metrics)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    @FunctionalInterface
    public interface CallWith {
        Uni<Response> apply(NrsMbsApi api, String requestId);
    }

    private NrsAnswer read(Response response, String requestId, long started) {
        try (response) {
            JsonNode body = NullNode.getInstance();
            if (response.hasEntity()) {
                String text = response.readEntity(String.class);
                try {
                    body = text == null || text.isBlank() ? NullNode.getInstance() : json.readTree(text);
                } catch (Exception e) {
                    // a proxy's HTML error page: keep the status, the body says nothing NRS-shaped
                    body = NullNode.getInstance();
                }
            }
            String nrsId = body.path("error").path("id").asText(null);
            return new NrsAnswer(response.getStatus(), body, nrsId == null ? requestId : nrsId, millisSince(started),
                    retryAfter(response.getHeaderString("Retry-After")), null);
        }
    }

    /** Retry-After in seconds (NRS and the sandbox send seconds; an HTTP date is ignored and the backoff decides). */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String name = cause.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        boolean timedOut = name.contains("timeout") || String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("timeout")
                || String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("timed out");
        return (timedOut ? "NRS did not answer in time: " : "NRS could not be reached: ") + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + cause.getMessage());
    }

    /** Whether an unanswered call timed out (as opposed to a refused connection). */
    public static boolean timedOut(NrsAnswer answer) {
        return answer.status() == 0 && answer.transportError() != null && answer.transportError().startsWith("NRS did not answer in time");
    }
}
