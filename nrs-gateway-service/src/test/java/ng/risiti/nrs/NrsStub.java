package ng.risiti.nrs;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * NRS's TIN verification as the sandbox answers it (NRS is the outside world): x-api-key and x-api-secret required
 * (401 without), a TIN starting {@code 00000000} unknown (404), {@code bad} malformed (400), 503 while {@link #down}.
 * State lives in system properties so tests and the server agree whatever class loader each runs in.
 */
public class NrsStub implements QuarkusTestResourceLifecycleManager {

    private static final String DOWN = "risiti.test.nrs-stub.down";
    private static final String URL = "risiti.test.nrs-stub.url";
    private static final String LAST_KEY = "risiti.test.nrs-stub.last-key";

    public static void down(boolean down) {
        System.setProperty(DOWN, Boolean.toString(down));
    }

    /** The x-api-key the last call carried. */
    public static String lastApiKey() {
        return System.getProperty(LAST_KEY);
    }

    @Override
    public Map<String, String> start() {
        synchronized (URL) {
            String url = System.getProperty(URL);
            if (url == null) {
                url = serve();
                System.setProperty(URL, url);
            }
            return Map.of("quarkus.rest-client.nrs.url", url);
        }
    }

    private static String serve() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/api/v1/utilities/verify-tin", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String key = exchange.getRequestHeaders().getFirst("x-api-key");
                String secret = exchange.getRequestHeaders().getFirst("x-api-secret");
                if (key != null) {
                    System.setProperty(LAST_KEY, key);
                }
                int status;
                String answer;
                if (Boolean.getBoolean(DOWN)) {
                    status = 503;
                    answer = "{\"code\":503,\"data\":null,\"message\":\"unavailable\"}";
                } else if (key == null || secret == null) {
                    status = 401;
                    answer = "{\"code\":401,\"data\":null,\"message\":\"unauthorized\"}";
                } else if (body.contains("\"bad\"")) {
                    status = 400;
                    answer = "{\"code\":400,\"data\":null,\"message\":\"invalid TIN\"}";
                } else if (body.contains("\"00000000")) {
                    status = 404;
                    answer = "{\"code\":404,\"data\":null,\"message\":\"TIN not found\"}";
                } else {
                    String tin = body.replaceAll(".*\"tin\"\\s*:\\s*\"([^\"]*)\".*", "$1");
                    status = 200;
                    answer = "{\"code\":200,\"data\":{\"tin\":\"" + tin + "\",\"taxpayer_name\":\"Sandbox Taxpayer " + tin + "\",\"status\":\"ACTIVE\"}}";
                }
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
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
        // lives as long as the test JVM, like the other test infrastructure
    }
}
