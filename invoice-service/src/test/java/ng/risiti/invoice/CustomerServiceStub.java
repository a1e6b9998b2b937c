package ng.risiti.invoice;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * customer-service's internal lookup, as invoice-service calls it for a customer its replica has not seen: answers
 * what a test registered ({@link #register}), 404 for anyone else, 503 while {@link #down} (state in system properties,
 * so tests and the server agree whatever class loader each runs in).
 */
public class CustomerServiceStub implements QuarkusTestResourceLifecycleManager {

    private static final String PREFIX = "risiti.test.customer-stub.";
    private static final String DOWN = PREFIX + "down";
    private static final String DELAY = PREFIX + "delay-ms";
    private static final String URL = PREFIX + "url";

    /** Registers the state customer-service would answer for this customer (not published on the topic). */
    public static void register(UUID customerId, String stateJson) {
        System.setProperty(PREFIX + customerId, stateJson);
    }

    public static void down(boolean down) {
        System.setProperty(DOWN, Boolean.toString(down));
    }

    /** Each answer waits this long: two requests for a new customer then both miss the replica. */
    public static void delay(long millis) {
        System.setProperty(DELAY, Long.toString(millis));
    }

    @Override
    public Map<String, String> start() {
        synchronized (URL) {
            String url = System.getProperty(URL);
            if (url == null) {
                url = serve();
                System.setProperty(URL, url);
            }
            return Map.of("risiti.customer.url", url);
        }
    }

    private static String serve() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/internal/customers/", exchange -> {
                String id = exchange.getRequestURI().getPath().substring("/internal/customers/".length());
                long delay = Long.getLong(DELAY, 0);
                if (delay > 0) {
                    try {
                        Thread.sleep(delay);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                String state = System.getProperty(PREFIX + id);
                int status = Boolean.getBoolean(DOWN) ? 503 : state == null ? 404 : 200;
                byte[] body = (status == 200 ? state : "{\"error\":{\"code\":\"" + (status == 404 ? "NOT_FOUND" : "SERVICE_UNAVAILABLE")
                        + "\"}}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // the server lives as long as the JVM
    }
}
