package ng.risiti.invoice;

import com.sun.net.httpserver.HttpServer;
import java.util.Map;
import ng.risiti.testsupport.OutsideWorldStub;

/**
 * nrs-gateway-service's hand-over endpoint as invoice-service calls it for submit-firs: keeps each request it got (by
 * invoice id, with a count), answers 202 with the invoice's job, 422 for a live tenant {@link #withoutCredentials}, and
 * 503 while {@link #down}.
 */
public class NrsGatewayStub extends OutsideWorldStub {

    private static final String PREFIX = "risiti.test.nrs-gateway-stub.";

    public static void down(boolean down) {
        System.setProperty(PREFIX + "down", Boolean.toString(down));
    }

    /** The tenant has no NRS credentials at the gateway: its live submissions are refused. */
    public static void withoutCredentials(String tenantId) {
        System.setProperty(PREFIX + "no-credentials." + tenantId, "true");
    }

    /** The last body the gateway got for the invoice, or null. */
    public static String lastRequest(String invoiceId) {
        return System.getProperty(PREFIX + "request." + invoiceId);
    }

    public static int requests(String invoiceId) {
        return Integer.parseInt(System.getProperty(PREFIX + "count." + invoiceId, "0"));
    }

    @Override
    protected Map<String, String> config(String url) {
        return Map.of("risiti.nrs-gateway.url", url);
    }

    @Override
    protected void routes(HttpServer server) {
        server.createContext("/internal/nrs/submissions", exchange -> {
            String body = body(exchange);
            String invoice = body.replaceAll("(?s).*\"invoice_id\"\\s*:\\s*\"([^\"]*)\".*", "$1");
            String tenant = body.replaceAll("(?s).*\"tenant_id\"\\s*:\\s*\"([^\"]*)\".*", "$1");
            boolean live = body.contains("\"test_mode\":false");
            if (Boolean.getBoolean(PREFIX + "down")) {
                answer(exchange, 503, "{\"error\":{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"down\",\"details\":[]}}");
                return;
            }
            if (live && Boolean.getBoolean(PREFIX + "no-credentials." + tenant)) {
                answer(exchange, 422, "{\"error\":{\"code\":\"UNPROCESSABLE\",\"message\":\"NRS credentials are not configured for live"
                        + " submissions: api_key, api_secret, business_id missing (PATCH /api/v1/settings/integrations).\",\"details\":[]}}");
                return;
            }
            synchronized (NrsGatewayStub.class) {
                System.setProperty(PREFIX + "request." + invoice, body);
                System.setProperty(PREFIX + "count." + invoice, Integer.toString(requests(invoice) + 1));
            }
            answer(exchange, 202, "{\"job_id\":\"firs-submission:" + invoice + "\",\"status\":\"queued\",\"queued_now\":true}");
        });
    }
}
