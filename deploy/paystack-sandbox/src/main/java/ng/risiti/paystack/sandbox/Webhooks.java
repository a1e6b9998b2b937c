package ng.risiti.paystack.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends events to the configured webhook URL as Paystack does: a POST of {@code {"event","data"}} signed in
 * {@code x-paystack-signature} (hex HMAC-SHA512 of the exact body with the secret key). A delivery that does not get a
 * 200 is retried after {@code retryDelay}, doubling, up to {@code maxAttempts} (Paystack retries for 72 hours; the sandbox
 * keeps it short so tests wait seconds).
 */
final class Webhooks implements AutoCloseable {

    /** One event sent (or being sent): what tests and humans read at {@code GET /__sandbox/webhooks}. */
    static final class Delivery {
        final String event;
        final String reference;
        final String body;
        final String signature;
        volatile int attempts;
        volatile int lastStatus;
        volatile String lastError;
        volatile boolean delivered;

        Delivery(String event, String reference, String body, String signature) {
            this.event = event;
            this.reference = reference;
            this.body = body;
            this.signature = signature;
        }

        Map<String, Object> view() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("event", event);
            view.put("reference", reference);
            view.put("attempts", attempts);
            view.put("last_status", lastStatus);
            view.put("last_error", lastError);
            view.put("delivered", delivered);
            view.put("signature", signature);
            view.put("body", body);
            return view;
        }
    }

    private final String secretKey;
    private volatile String url;
    private final Duration retryDelay;
    private final int maxAttempts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "paystack-sandbox-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Delivery> log = new CopyOnWriteArrayList<>();

    Webhooks(String secretKey, String url, Duration retryDelay, int maxAttempts) {
        this.secretKey = secretKey;
        this.url = url;
        this.retryDelay = retryDelay;
        this.maxAttempts = maxAttempts;
    }

    String url() {
        return url;
    }

    void url(String url) {
        this.url = url;
    }

    /**
     * Sends an event. {@code now}: the first attempt on the caller's thread, so a test sees the receiver's answer;
     * otherwise in the background, as Paystack sends after a checkout. Retries are always in the background.
     */
    Delivery send(String event, String reference, Map<String, Object> data, boolean now) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("event", event);
        envelope.put("data", data);
        String body = Json.write(envelope);
        Delivery delivery = new Delivery(event, reference, body, sign(secretKey, body));
        log.add(delivery);
        if (now) {
            attempt(delivery);
        } else {
            retries.execute(() -> attempt(delivery));
        }
        return delivery;
    }

    private void attempt(Delivery delivery) {
        String target = url;
        delivery.attempts++;
        if (target == null || target.isBlank()) {
            delivery.lastError = "no webhook URL configured";
            return;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("x-paystack-signature", delivery.signature)
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body, StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            delivery.lastStatus = response.statusCode();
            delivery.lastError = null;
            delivery.delivered = response.statusCode() == 200;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delivery.lastError = e.toString();
        } catch (Exception e) {
            delivery.lastError = e.toString();
        }
        if (!delivery.delivered && delivery.attempts < maxAttempts) {
            long delay = retryDelay.toMillis() << Math.min(10, delivery.attempts - 1);
            retries.schedule(() -> attempt(delivery), delay, TimeUnit.MILLISECONDS);
        }
    }

    List<Map<String, Object>> log() {
        List<Map<String, Object>> views = new ArrayList<>();
        log.forEach(delivery -> views.add(delivery.view()));
        return views;
    }

    void reset() {
        log.clear();
    }

    /** Hex HMAC-SHA512 of {@code body} with {@code secretKey}: Paystack's {@code x-paystack-signature}. */
    static String sign(String secretKey, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("HmacSHA512 unavailable", e);
        }
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }
}
