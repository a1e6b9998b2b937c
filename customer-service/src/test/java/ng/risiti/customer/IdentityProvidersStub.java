package ng.risiti.customer;

import com.sun.net.httpserver.HttpServer;
import java.util.Map;
import ng.risiti.testsupport.OutsideWorldStub;

/**
 * The two providers verifications ask, answering as they do: nrs-gateway-service's TIN check (service token required;
 * a TIN starting 00000000 is not registered; {@code 11111111-1111} is one NRS refuses, 400) and the NIN provider
 * ({@code 12345678901} is Adaeze Okafor, other NINs 404). {@link #down} makes both answer 503. Calls are counted
 * ({@link #calls}). Also billing-service's balance lookup a verification asks first: NGN 10,000 of credits unless
 * {@link #credits} says otherwise for a tenant.
 */
public class IdentityProvidersStub extends OutsideWorldStub {

    private static final String PREFIX = "risiti.test.identity-stub.";
    private static final String DOWN = PREFIX + "down";
    private static final String CALLS = PREFIX + "calls";

    /** The API-credit balance billing-service reports for {@code tenantId}'s live world. */
    public static void credits(java.util.UUID tenantId, long balanceKobo) {
        System.setProperty(PREFIX + "credits." + tenantId, Long.toString(balanceKobo));
    }

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
    protected Map<String, String> config(String url) {
        return Map.of("risiti.nrs-gateway.url", url, "risiti.nin-provider.url", url, "risiti.billing.url", url);
    }

    @Override
    protected void routes(HttpServer server) {
        server.createContext("/internal/api-credits/", exchange -> {
            String tenant = exchange.getRequestURI().getPath().substring("/internal/api-credits/".length());
            if (exchange.getRequestHeaders().getFirst("X-Risiti-Service-Token") == null) {
                answer(exchange, 401, "{\"error\":{\"code\":\"UNAUTHORIZED\"}}");
            } else {
                answer(exchange, 200, "{\"balance_kobo\":" + Long.getLong(PREFIX + "credits." + tenant, 1_000_000) + ",\"free_calls_remaining\":10}");
            }
        });
        server.createContext("/internal/nrs/verify-tin", exchange -> {
            count();
            String tin = body(exchange).replaceAll(".*\"tin\"\\s*:\\s*\"([^\"]*)\".*", "$1");
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
    }
}
