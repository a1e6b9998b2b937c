package ng.risiti.invoice;

import com.sun.net.httpserver.HttpServer;
import java.util.Map;
import java.util.UUID;
import ng.risiti.testsupport.OutsideWorldStub;

/**
 * customer-service's internal lookup, as invoice-service calls it for a customer its replica has not seen: answers
 * what a test registered ({@link #register}), 404 for anyone else, 503 while {@link #down}.
 */
public class CustomerServiceStub extends OutsideWorldStub {

    private static final String PREFIX = "risiti.test.customer-stub.";
    private static final String DOWN = PREFIX + "down";
    private static final String DELAY = PREFIX + "delay-ms";

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
    protected Map<String, String> config(String url) {
        return Map.of("risiti.customer.url", url);
    }

    @Override
    protected void routes(HttpServer server) {
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
            answer(exchange, status, status == 200 ? state
                    : "{\"error\":{\"code\":\"" + (status == 404 ? "NOT_FOUND" : "SERVICE_UNAVAILABLE") + "\"}}");
        });
    }
}
