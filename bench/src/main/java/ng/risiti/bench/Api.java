package ng.risiti.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The public API through the gateway, as an integrator calls it: a tenant, its key, and requests that retry safely. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String AUTH_SERVICE = "http://127.0.0.1:8081";
    private static final String SERVICE_TOKEN = System.getenv().getOrDefault("RISITI_INTERNAL_SERVICE_TOKEN",
            "local-service-token-override-in-production");

    final String base;
    final HttpClient http;
    /** What {@link #sendUntilAnswered} retried, by status ("unreachable" for a connection that failed). */
    final Map<String, AtomicInteger> retried = new ConcurrentSkipListMap<>();
    String jwt;
    String key;
    String tenantId;
    String email;

    Api(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** Registers a fresh business and gives it an API key with every scope the benchmarks use. */
    Api asNewTenant(String name) throws Exception {
        email = "bench-" + UUID.randomUUID() + "@risiti.test";
        JsonNode registered = expect(send("POST", "/api/v1/auth/register", null, """
                {"first_name":"Bench","last_name":"Mark","email":"%s","password":"Bench1234!","business_name":"%s","business_type":"sme"}"""
                .formatted(email, name), true), 201);
        jwt = registered.at("/data/access_token").asText();
        tenantId = expect(send("GET", "/api/v1/auth/me", null, null, true), 200).at("/data/tenant/id").asText();
        key = expect(send("POST", "/api/v1/api-keys", null,
                "{\"name\":\"bench\",\"scopes\":[\"customers:read\",\"customers:write\",\"invoices:read\",\"invoices:write\"]}", true), 201)
                .at("/data/key").asText();
        return this;
    }

    /**
     * Puts this tenant on {@code plan} as an operator would (`./risiti admin set-plan`'s endpoint on auth-service), so
     * a benchmark's load is not rate-limited.
     */
    Api onPlan(String plan) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(AUTH_SERVICE + "/internal/tenants/plan"))
                .header("Content-Type", "application/json").header("X-Risiti-Service-Token", SERVICE_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"plan\":\"" + plan + "\"}")).build();
        expect(http.send(request, HttpResponse.BodyHandlers.ofString()), 200);
        if ("enterprise".equals(plan)) {
            // the plan reaches every service's rate limiter through billing's entitlements a moment later: until the
            // services that benchmarks load answer with Enterprise's limit (no number: 2147483647), Free's would apply
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            for (String path : new String[] {"/api/v1/invoices?limit=1", "/api/v1/customers?limit=1"}) {
                while (!"2147483647".equals(send("GET", path, null, null, false).headers().firstValue("X-RateLimit-Limit").orElse(""))) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the " + plan + " plan did not reach " + path + "'s rate limiter in 30 s");
                    }
                    Thread.sleep(100);
                }
            }
        }
        return this;
    }

    String customer(int i) throws Exception {
        return expect(send("POST", "/api/v1/customers", null, """
                {"name":"Customer %d Ltd","email":"c%d@bench.ng","currency":"NGN","tin":"12345678-0001"}""".formatted(i, i), false), 201)
                .at("/data/id").asText();
    }

    /**
     * Sends until the API gives a final answer, with the same Idempotency-Key each time, as a careful integrator
     * does while a service restarts: connection failures, 5xx, 409 "still being processed" and 404 for a customer
     * created a moment ago are retried; anything else is the answer.
     */
    HttpResponse<String> sendUntilAnswered(String method, String path, String body, String idempotencyKey, Duration giveUpAfter)
            throws InterruptedException {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        while (true) {
            try {
                HttpResponse<String> response = send(method, path, idempotencyKey, body, false);
                int status = response.statusCode();
                boolean retry = status >= 500 || status == 409 && response.body().contains("still being processed")
                        || status == 404 && response.body().contains("Customer");
                if (!retry || System.nanoTime() > deadline) {
                    return response;
                }
                retried.computeIfAbsent(String.valueOf(status), s -> new AtomicInteger()).incrementAndGet();
            } catch (IOException unreachable) {
                retried.computeIfAbsent("unreachable", s -> new AtomicInteger()).incrementAndGet();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(path + " unreachable for " + giveUpAfter, unreachable);
                }
            }
            Thread.sleep(100);
        }
    }

    HttpResponse<String> send(String method, String path, String idempotencyKey, String body, boolean asUser)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (asUser && jwt != null) {
            request.header("Authorization", "Bearer " + jwt);
        } else if (key != null) {
            request.header("x-api-key", key);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode expect(HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
