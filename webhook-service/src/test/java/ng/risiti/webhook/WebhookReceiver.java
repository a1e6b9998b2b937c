package ng.risiti.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver on a loopback port, as an integrator's server: each test takes a path of its own ({@link #path}),
 * says how it answers (status codes in turn, a delay) and reads what arrived, raw body and headers as sent.
 */
public final class WebhookReceiver {

    /** One request as it arrived. */
    public record Received(Instant at, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    /** How one path answers: the statuses in turn (the last one from then on), each after {@code delayMillis}. */
    public static final class Behaviour {
        private volatile List<Integer> statuses = List.of(200);
        private volatile long delayMillis;
        private volatile String body = "{\"received\":true}";
        private final AtomicInteger calls = new AtomicInteger();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger maxInFlight = new AtomicInteger();

        public Behaviour answer(Integer... statuses) {
            this.statuses = List.of(statuses);
            return this;
        }

        public Behaviour delay(long millis) {
            this.delayMillis = millis;
            return this;
        }

        public Behaviour body(String body) {
            this.body = body;
            return this;
        }

        /** The most requests this path was handling at one time. */
        public int maxInFlight() {
            return maxInFlight.get();
        }
    }

    private static final WebhookReceiver INSTANCE = new WebhookReceiver();

    private final HttpServer server;
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", this::handle);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WebhookReceiver get() {
        return INSTANCE;
    }

    /** A fresh path on this receiver, answering 200 until told otherwise; its URL is {@link #url}. */
    public String path() {
        String path = "/hooks/" + UUID.randomUUID();
        behaviours.put(path, new Behaviour());
        return path;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public Behaviour on(String path) {
        return behaviours.get(path);
    }

    public List<Received> at(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Behaviour behaviour = behaviours.getOrDefault(path, new Behaviour().answer(404));
        byte[] body = exchange.getRequestBody().readAllBytes();
        int call = behaviour.calls.getAndIncrement();
        int now = behaviour.inFlight.incrementAndGet();
        behaviour.maxInFlight.accumulateAndGet(now, Math::max);
        try {
            received.add(new Received(Instant.now(), path, Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8)));
            if (behaviour.delayMillis > 0) {
                Thread.sleep(behaviour.delayMillis);
            }
            List<Integer> statuses = behaviour.statuses;
            int status = statuses.get(Math.min(call, statuses.size() - 1));
            byte[] answer = behaviour.body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (status >= 300 && status < 400) {
                exchange.getResponseHeaders().add("Location", url(path) + "/moved");
            }
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the sender gave up (timeout): nothing to answer
        } finally {
            behaviour.inFlight.decrementAndGet();
            exchange.close();
        }
    }

    /** Every path's requests in arrival order (for counting across paths). */
    public List<Received> all() {
        return new ArrayList<>(received);
    }
}
