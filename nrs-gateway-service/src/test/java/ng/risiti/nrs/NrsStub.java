package ng.risiti.nrs;

import com.sun.net.httpserver.HttpServer;
import java.util.Map;
import ng.risiti.testsupport.OutsideWorldStub;

/**
 * NRS's TIN verification as the sandbox answers it (NRS is the outside world): x-api-key and x-api-secret required
 * (401 without), a TIN starting {@code 00000000} unknown (404), {@code bad} malformed (400), 503 while {@link #down}.
 */
public class NrsStub extends OutsideWorldStub {

    private static final String DOWN = "risiti.test.nrs-stub.down";
    private static final String LAST_KEY = "risiti.test.nrs-stub.last-key";

    public static void down(boolean down) {
        System.setProperty(DOWN, Boolean.toString(down));
    }

    /** The x-api-key the last call carried. */
    public static String lastApiKey() {
        return System.getProperty(LAST_KEY);
    }

    @Override
    protected Map<String, String> config(String url) {
        return Map.of("quarkus.rest-client.nrs.url", url);
    }

    @Override
    protected void routes(HttpServer server) {
        server.createContext("/api/v1/utilities/verify-tin", exchange -> {
            String body = body(exchange);
            String key = exchange.getRequestHeaders().getFirst("x-api-key");
            String secret = exchange.getRequestHeaders().getFirst("x-api-secret");
            if (key != null) {
                System.setProperty(LAST_KEY, key);
            }
            if (Boolean.getBoolean(DOWN)) {
                answer(exchange, 503, "{\"code\":503,\"data\":null,\"message\":\"unavailable\"}");
            } else if (key == null || secret == null) {
                answer(exchange, 401, "{\"code\":401,\"data\":null,\"message\":\"unauthorized\"}");
            } else if (body.contains("\"bad\"")) {
                answer(exchange, 400, "{\"code\":400,\"data\":null,\"message\":\"invalid TIN\"}");
            } else if (body.contains("\"00000000")) {
                answer(exchange, 404, "{\"code\":404,\"data\":null,\"message\":\"TIN not found\"}");
            } else {
                String tin = body.replaceAll(".*\"tin\"\\s*:\\s*\"([^\"]*)\".*", "$1");
                answer(exchange, 200, "{\"code\":200,\"data\":{\"tin\":\"" + tin + "\",\"taxpayer_name\":\"Sandbox Taxpayer " + tin
                        + "\",\"status\":\"ACTIVE\"}}");
            }
        });
    }
}
