package ng.risiti.invoice;

import com.sun.net.httpserver.HttpServer;
import java.util.Map;
import java.util.UUID;
import ng.risiti.platform.security.InternalEndpoints;
import ng.risiti.testsupport.OutsideWorldStub;

/**
 * billing-service's {@code POST /internal/invoice-checkouts} as the pay page calls it: answers a checkout at
 * {@code <stub>/checkout/<reference>} (the Paystack sandbox's shape) and remembers the last request per invoice
 * ({@link #lastRequest}); {@link #down} makes it answer 503, as billing or Paystack being away would.
 */
public class BillingStub extends OutsideWorldStub {

    private static final String PREFIX = "risiti.test.billing-stub.";

    public static void down(boolean down) {
        System.setProperty(PREFIX + "down", Boolean.toString(down));
    }

    /** The body of the last checkout asked for this invoice (null if none), with the service token it came with first. */
    public static String lastRequest(String invoiceId) {
        return System.getProperty(PREFIX + "request." + invoiceId);
    }

    @Override
    protected void routes(HttpServer server) {
        server.createContext("/internal/invoice-checkouts", exchange -> {
            if (Boolean.getBoolean(PREFIX + "down")) {
                answer(exchange, 503, "{\"error\":{\"code\":\"SERVICE_UNAVAILABLE\"}}");
                return;
            }
            String body = body(exchange);
            String token = exchange.getRequestHeaders().getFirst(InternalEndpoints.SERVICE_TOKEN_HEADER);
            java.util.regex.Matcher invoice = java.util.regex.Pattern.compile("\"invoice_id\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
            java.util.regex.Matcher amount = java.util.regex.Pattern.compile("\"amount_kobo\"\\s*:\\s*([0-9]+)").matcher(body);
            if (token == null || !invoice.find() || !amount.find()) {
                answer(exchange, 400, "{\"error\":{\"code\":\"VALIDATION_ERROR\"}}");
                return;
            }
            System.setProperty(PREFIX + "request." + invoice.group(1), "token=" + token + " " + body);
            String reference = "rsk_" + UUID.randomUUID().toString().replace("-", "");
            String url = "http://" + exchange.getLocalAddress().getHostString() + ":" + exchange.getLocalAddress().getPort();
            answer(exchange, 200, "{\"authorization_url\":\"" + url + "/checkout/" + reference + "\",\"reference\":\"" + reference
                    + "\",\"amount_kobo\":" + amount.group(1) + "}");
        });
    }

    @Override
    protected Map<String, String> config(String url) {
        return Map.of("risiti.billing.url", url);
    }
}
