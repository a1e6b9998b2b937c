package ng.risiti.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A local HTTP server standing in for something a service calls (NRS, a NIN provider, another service's internal
 * lookup), started once per test JVM: its URL is published as a system property, so every class loader Quarkus uses
 * attaches to the same server, and tests steer it through system properties too. A subclass adds its paths in
 * {@link #routes} and says which settings point at it in {@link #config}.
 */
public abstract class OutsideWorldStub implements QuarkusTestResourceLifecycleManager {

    /** The paths this stub answers. */
    protected abstract void routes(HttpServer server);

    /** The settings that point the service at {@code url}. */
    protected abstract Map<String, String> config(String url);

    @Override
    public final Map<String, String> start() {
        String property = "risiti.test.stub-url." + getClass().getName();
        synchronized (OutsideWorldStub.class) {
            String url = System.getProperty(property);
            if (url == null) {
                url = serve();
                System.setProperty(property, url);
            }
            return config(url);
        }
    }

    @Override
    public final void stop() {
        // the server lives as long as the test JVM, like the other test infrastructure
    }

    private String serve() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            routes(server);
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers {@code body} as JSON with {@code status}. */
    protected static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    protected static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }
}
