package ng.risiti.customer;

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
 * The two providers verifications ask, answering as they do: nrs-gateway-service's TIN check (service token required;
 * a TIN starting 00000000 is not registered; {@code 11111111-1111} is one NRS refuses, 400) and the NIN provider
 * ({@code 12345678901} is Adaeze Okafor, other NINs 404). {@link #down} makes both answer 503. Calls are counted
 * ({@link #calls}). State lives in system properties so tests and the server agree whatever class loader each runs in.
 */
public class IdentityProvidersStub implements QuarkusTestResourceLifecycleManager {

    private static final String PREFIX = "risiti.test.identity-stub.";
    private static final String DOWN = PREFIX + "down";
    private static final String URL = PREFIX + "url";
    private static final String CALLS = PREFIX + "calls";

    public static void down(boolean down) {
        System.setProperty(DOWN, Boolean.toString(down));
    }

    /** How many questions both providers have been asked in this JVM. */
    public static synchronized long calls() {
        return Long.getLong(CALLS, 0);
    }

    private static synchronized void count() {
        System.setProperty(CALLS, Long.toString(calls() + 1));
    }

    @Override
    public Map<String, String> start() {
        synchronized (URL) {
            String url = System.getProperty(URL);
            if (url == null) {
                url = serve();
                System.setProperty(URL, url);
            }
            return Map.of("risiti.nrs-gateway.url", url, "risiti.nin-provider.url", url);
        }
    }

    private static String serve() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/internal/nrs/verify-tin", exchange -> {
                count();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String tin = body.replaceAll(".*\"tin\"\\s*:\\s*\"([^\"]*)\".*", "$1");
                if (Boolean.getBoolean(DOWN)) {
                    answer(exchange, 503, "{\"error\":{\"code\":\"SERVICE_UNAVAILABLE\"}}");
                } else if (exchange.getRequestHeaders().getFirst("X-Risiti-Service-Token") == null) {
                    answer(exchange, 401, "{\"error\":{\"code\":\"UNAUTHORIZED\"}}");
                } else if (tin.equals("11111111-1111")) {
                    answer(exchange, 400, "{\"error\":{\"code\":\"VALIDATION_ERROR\",\"details\":[{\"field\":\"tin\"}]}}");
                } else if (tin.startsWith("00000000")) {
                    answer(exchange, 200, "{\"tin\":\"" + tin + "\",\"registered\":false,\"taxpayer_name\":null}");
                } else {
                    answer(exchange, 200, "{\"tin\":\"" + tin + "\",\"registered\":true,\"taxpayer_name\":\"Sandbox Taxpayer " + tin + "\"}");
                }
            });
            server.createContext("/nin/v1/identities/", exchange -> {
                count();
                String nin = exchange.getRequestURI().getPath().substring("/nin/v1/identities/".length());
                if (Boolean.getBoolean(DOWN)) {
                    answer(exchange, 503, "{}");
                } else if (nin.equals("12345678901")) {
                    answer(exchange, 200, "{\"status\":\"found\",\"nin\":\"" + nin + "\",\"first_name\":\"Adaeze\",\"last_name\":\"Okafor\"}");
                } else {
                    answer(exchange, 404, "{\"status\":\"not_found\"}");
                }
            });
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void stop() {
        // lives as long as the test JVM, like the other test infrastructure
    }
}
