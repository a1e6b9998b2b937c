package ng.risiti.webhook.deliveries.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import ng.risiti.platform.observability.Traces;
import ng.risiti.webhook.deliveries.config.DeliveryConfig;
import ng.risiti.webhook.deliveries.domain.AttemptOutcome;
import ng.risiti.webhook.deliveries.domain.ClaimedDelivery;
import ng.risiti.webhook.deliveries.domain.Signatures;
import ng.risiti.webhook.endpoints.service.TargetCheck;

/**
 * Makes one attempt: checks the URL's target again (DNS may answer differently now) and POSTs the stored body to the
 * address it checked, with both signatures and the attempt's {@code traceparent}; redirects are not followed (a 3xx is
 * a failed attempt). Never fails: what went wrong is the outcome.
 */
@ApplicationScoped
public class WebhookSender {

    public static final String USER_AGENT = "Risiti-Webhooks/1.0";

    private final TargetCheck targets;
    private final DeliveryConfig config;
    private final Clock clock;
    private final HttpClient client;

    public WebhookSender(Vertx vertx, TargetCheck targets, DeliveryConfig config, Clock clock) {
        this.targets = targets;
        this.config = config;
        this.clock = clock;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(config.timeout().toMillis(), 10_000))
                .setMaxPoolSize(Math.max(config.maxInFlight(), 8))
                .setKeepAlive(true)
                .setVerifyHost(true)
                .setForceSni(true)
                .setMaxRedirects(0));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public Uni<AttemptOutcome> send(ClaimedDelivery delivery, String secret) {
        long started = clock.millis();
        Context context = Vertx.currentContext();
        // read here, on the caller's context: the attempt's span is current there, not where DNS answers
        String traceParent = Traces.currentParent();
        Uni<AttemptOutcome> attempt = targets.check(delivery.url())
                .flatMap(checked -> post(checked, delivery, secret, started, traceParent))
                .ifNoItem().after(config.timeout()).failWith(() -> new java.util.concurrent.TimeoutException(
                        "no answer within " + config.timeout().toSeconds() + " s"))
                .onFailure().recoverWithItem(failure -> AttemptOutcome.failed(elapsed(started), describe(failure)));
        // resume where the caller runs, whichever event loop the HTTP client answered on
        return context == null ? attempt : attempt.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    private Uni<AttemptOutcome> post(TargetCheck.Checked checked, ClaimedDelivery delivery, String secret, long started, String traceParent) {
        String id = delivery.id().toString();
        long timestamp = clock.instant().getEpochSecond();
        String body = delivery.payload();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(checked.address(), checked.target().port())))
                .setHost(checked.target().host())
                .setPort(checked.target().port())
                .setSsl(checked.target().https())
                .setURI(checked.target().pathAndQuery())
                .setFollowRedirects(false)
                .setTimeout(config.timeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", USER_AGENT)
                .putHeader("X-Risiti-Signature", Signatures.risiti(secret, body))
                .putHeader("X-Risiti-Event", delivery.eventType())
                .putHeader("X-Risiti-Event-Id", delivery.eventId())
                .putHeader("webhook-id", id)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", Signatures.standard(secret, id, timestamp, body));
        if (traceParent != null) {
            // W3C Trace Context: a receiver that traces continues the trace of the event (docs/webhooks.md)
            request.putHeader(Traces.TRACEPARENT, traceParent);
        }
        CompletableFuture<AttemptOutcome> answered = new CompletableFuture<>();
        client.request(request)
                .compose(sent -> sent.send(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8))))
                .onSuccess(response -> readExcerpt(response, started, answered))
                .onFailure(answered::completeExceptionally);
        return Uni.createFrom().completionStage(answered);
    }

    /** Keeps the first 1 KB of the answer and drains the rest, so the connection can be reused. */
    private void readExcerpt(HttpClientResponse response, long started, CompletableFuture<AttemptOutcome> answered) {
        Buffer excerpt = Buffer.buffer();
        response.handler(chunk -> {
            int room = AttemptOutcome.EXCERPT_BYTES - excerpt.length();
            if (room > 0) {
                excerpt.appendBuffer(chunk.length() <= room ? chunk : chunk.getBuffer(0, room));
            }
        });
        response.exceptionHandler(answered::completeExceptionally);
        response.endHandler(ignored -> answered.complete(new AttemptOutcome(response.statusCode(), elapsed(started),
                excerpt.length() == 0 ? null : excerpt.toString(StandardCharsets.UTF_8), null)));
    }

    private int elapsed(long started) {
        return (int) Math.max(0, clock.millis() - started);
    }

    private static String describe(Throwable failure) {
        if (failure instanceof TargetCheck.Refused refused) {
            return "refused: " + refused.getMessage();
        }
        if (failure instanceof java.util.concurrent.TimeoutException || failure instanceof io.netty.handler.timeout.TimeoutException
                || failure.getClass().getSimpleName().contains("Timeout")) {
            return "timeout: " + (failure.getMessage() == null ? "no answer in time" : failure.getMessage());
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return "connection failed: " + message;
    }
}
