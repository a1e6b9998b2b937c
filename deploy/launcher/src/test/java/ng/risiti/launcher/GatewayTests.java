package ng.risiti.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ng.risiti.infra.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway against two tiny upstreams that echo what they received. */
class GatewayTests {

    static Vertx vertx;
    static Gateway gateway;
    static int port;
    static int deadPort;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        int auth = echo("auth-service");
        int invoice = echo("invoice-service");
        deadPort = Ports.free(); // nothing listens here
        gateway = new Gateway(vertx,
                Map.of(Routes.AUTH, SocketAddress.inetSocketAddress(auth, "127.0.0.1"),
                        Routes.INVOICE, SocketAddress.inetSocketAddress(invoice, "127.0.0.1"),
                        Routes.WEBHOOK, SocketAddress.inetSocketAddress(deadPort, "127.0.0.1")),
                Map.of(Routes.AUTH, "http://127.0.0.1:" + auth), "http://localhost:8080", Duration.ofSeconds(5), msg -> { });
        port = gateway.listen("127.0.0.1", 0).toCompletionStage().toCompletableFuture().get();
    }

    @AfterAll
    static void stop() {
        gateway.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** Answers 201 with a JSON echo of the request, a Set-Cookie and a custom header. */
    static int echo(String name) throws Exception {
        HttpServer server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            JsonObject headers = new JsonObject();
            req.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            if (req.path().endsWith("/q/health/ready")) {
                req.response().end("{\"status\":\"UP\"}");
                return;
            }
            req.response().setStatusCode(201)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Upstream", name)
                    .putHeader("Set-Cookie", "refresh_token=abc; Path=/api/v1/auth; HttpOnly")
                    .end(new JsonObject().put("service", name).put("method", req.method().name()).put("path", req.path())
                            .put("query", req.query()).put("body", body.toString()).put("headers", headers).encode());
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get();
        return server.actualPort();
    }

    static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    @Test
    void forwardsMethodPathQueryBodyHeadersAndCookies() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/invoices/inv_1/payments?expand=lines&x=%20y"))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"amount\":\"100.00\"}"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "k-1")
                .header("Cookie", "session=s1; theme=dark")
                .header("X-Request-Id", "req_given"));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("X-Upstream")).contains("invoice-service");
        assertThat(r.headers().firstValue("Set-Cookie")).contains("refresh_token=abc; Path=/api/v1/auth; HttpOnly");
        JsonObject echo = new JsonObject(r.body());
        assertThat(echo.getString("method")).isEqualTo("PATCH");
        assertThat(echo.getString("path")).isEqualTo("/api/v1/invoices/inv_1/payments");
        assertThat(echo.getString("query")).isEqualTo("expand=lines&x=%20y");
        assertThat(echo.getString("body")).isEqualTo("{\"amount\":\"100.00\"}");
        JsonObject h = echo.getJsonObject("headers");
        assertThat(h.getString("idempotency-key")).isEqualTo("k-1");
        assertThat(h.getString("cookie")).isEqualTo("session=s1; theme=dark");
        assertThat(h.getString("x-request-id")).isEqualTo("req_given");
        assertThat(h.getString("x-forwarded-for")).isEqualTo("127.0.0.1");
        assertThat(h.getString("x-forwarded-proto")).isEqualTo("http");
        assertThat(h.getString("x-forwarded-host")).isEqualTo("127.0.0.1:" + port);
    }

    @Test
    void routesByLongestPrefixToDifferentUpstreams() throws Exception {
        HttpResponse<String> auth = send(HttpRequest.newBuilder(uri("/api/v1/auth/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(new JsonObject(auth.body()).getString("service")).isEqualTo("auth-service");
        HttpResponse<String> invoice = send(HttpRequest.newBuilder(uri("/v1/invoices")).GET());
        assertThat(new JsonObject(invoice.body()).getString("service")).isEqualTo("invoice-service");
    }

    @Test
    void streamsALargeBody() throws Exception {
        String big = "x".repeat(3 * 1024 * 1024);
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/invoices/import"))
                .POST(HttpRequest.BodyPublishers.ofString(big)));
        assertThat(new JsonObject(r.body()).getString("body")).hasSize(big.length());
    }

    @Test
    void unknownPathAnswers404Envelope() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/x?y=1")).GET());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
        String rid = r.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(rid).matches("req_[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        JsonObject error = new JsonObject(r.body()).getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo("NOT_FOUND");
        assertThat(error.getString("message")).isEqualTo("No route for GET /x");
        assertThat(error.getJsonArray("details")).isEmpty();
        assertThat(error.getString("request_id")).isEqualTo(rid);
    }

    @Test
    void unreachableOrAbsentServiceAnswers503Envelope() throws Exception {
        for (String path : List.of("/api/v1/webhooks", "/api/v1/customers")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(r.statusCode()).as(path).isEqualTo(503);
            assertThat(r.headers().firstValue("X-Request-Id")).isPresent();
            assertThat(new JsonObject(r.body()).getJsonObject("error").getString("code")).isEqualTo("SERVICE_UNAVAILABLE");
        }
    }

    @Test
    void healthAggregatesUpstreams() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/q/health")).GET());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(r.body()).getString("status")).isEqualTo("UP");
    }

    @Test
    void servesSwaggerUi() throws Exception {
        HttpResponse<String> index = send(HttpRequest.newBuilder(uri("/docs")).GET());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("/docs/openapi.json");
        HttpResponse<String> bundle = send(HttpRequest.newBuilder(uri("/docs/swagger-ui/swagger-ui-bundle.js")).GET());
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
    }

    @Test
    void manyConcurrentRequests() throws Exception {
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            all.add(http.sendAsync(HttpRequest.newBuilder(uri("/api/v1/invoices?i=" + i)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (var f : all) {
            assertThat(f.get().statusCode()).isEqualTo(201);
        }
    }

    /** Java's HttpClient (the generated Java client's) asks for HTTP/2 over cleartext (h2c) by default; upstreams speak HTTP/1.1. */
    @Test
    void forwardsRequestsThatArriveOverCleartextHttp2() throws Exception {
        HttpClient h2c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        List<Throwable> unhandled = new java.util.concurrent.CopyOnWriteArrayList<>();
        vertx.exceptionHandler(unhandled::add);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> get = h2c.send(HttpRequest.newBuilder(uri("/api/v1/auth/me")).header("x-api-key", "rs_test_k").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).as(get.body()).isEqualTo(201);
            assertThat(new JsonObject(get.body()).getJsonObject("headers").getString("x-api-key")).isEqualTo("rs_test_k");
            HttpResponse<String> post = h2c.send(HttpRequest.newBuilder(uri("/api/v1/invoices"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + i + "}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).as(post.body()).isEqualTo(201);
            assertThat(new JsonObject(post.body()).getString("body")).isEqualTo("{\"n\":" + i + "}");
        }
        assertThat(unhandled).as("errors the proxy did not handle (it wrote a body the upstream request had no length for)").isEmpty();
    }
}
