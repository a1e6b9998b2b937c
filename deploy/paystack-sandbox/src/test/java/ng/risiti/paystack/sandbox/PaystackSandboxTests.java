package ng.risiti.paystack.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaystackSandboxTests {

    private static final String SECRET = "sk_test_sandbox_tests";

    record Received(String body, String signature) {
    }

    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger failuresToAnswer = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private HttpServer receiver;
    private PaystackSandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresToAnswer.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            if (status == 200) {
                received.add(new Received(body, exchange.getRequestHeaders().getFirst("x-paystack-signature")));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        sandbox = PaystackSandbox.start(PaystackSandbox.Settings.forTests(SECRET,
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"));
    }

    @AfterEach
    void stop() {
        sandbox.close();
        receiver.stop(0);
    }

    @Test
    void initializeAnswersAnAuthorizationUrlWhoseCheckoutPaysRedirectsAndSendsASignedChargeSuccess() throws Exception {
        var init = post("/transaction/initialize", "{\"email\":\"ada@fime.ng\",\"amount\":500000,\"reference\":\"ref-1\","
                + "\"callback_url\":\"https://app.example/back\",\"metadata\":{\"risiti_purpose\":\"subscription\"}}", SECRET);
        assertThat(init.statusCode()).isEqualTo(200);
        Map<String, Object> body = Json.parseObject(init.body());
        assertThat(body).containsEntry("status", true).containsEntry("message", "Authorization URL created");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) body.get("data");
        assertThat(data).containsEntry("reference", "ref-1");
        String url = (String) data.get("authorization_url");
        assertThat(url).endsWith("/checkout/" + data.get("access_code"));

        var checkout = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(checkout.statusCode()).isEqualTo(302);
        assertThat(checkout.headers().firstValue("Location")).contains("https://app.example/back?trxref=ref-1&reference=ref-1");

        Received hook = received.poll(10, TimeUnit.SECONDS);
        assertThat(hook).isNotNull();
        assertThat(hook.signature()).isEqualTo(Webhooks.sign(SECRET, hook.body()));
        Map<String, Object> event = Json.parseObject(hook.body());
        assertThat(event).containsEntry("event", "charge.success");
        @SuppressWarnings("unchecked")
        Map<String, Object> paid = (Map<String, Object>) event.get("data");
        assertThat(paid).containsEntry("reference", "ref-1").containsEntry("status", "success").containsEntry("currency", "NGN");
        assertThat(paid.get("amount").toString()).isEqualTo("500000");
        assertThat(paid.get("metadata")).isEqualTo(Map.of("risiti_purpose", "subscription"));

        var verify = get("/transaction/verify/ref-1", SECRET);
        assertThat(Json.parseObject(verify.body()).get("data").toString()).contains("status=success");

        // a second visit pays nothing more
        http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(received.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aDeclinedCheckoutSendsNoWebhookAndVerifiesAsFailed() throws Exception {
        String url = authorizationUrl("ref-declined");
        var page = http.send(HttpRequest.newBuilder(URI.create(url + "?outcome=failed")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("Payment declined");
        assertThat(Json.parseObject(get("/transaction/verify/ref-declined", SECRET).body()).get("data").toString()).contains("status=failed");
        assertThat(received.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aWrongSecretKeyIsRefusedAndADuplicateReferenceToo() throws Exception {
        assertThat(post("/transaction/initialize", "{\"email\":\"a@b.ng\",\"amount\":10000}", "sk_test_wrong").statusCode()).isEqualTo(401);
        authorizationUrl("ref-dup");
        var duplicate = post("/transaction/initialize", "{\"email\":\"a@b.ng\",\"amount\":10000,\"reference\":\"ref-dup\"}", SECRET);
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(duplicate.body()).contains("Duplicate Transaction Reference");
        assertThat(post("/transaction/initialize", "{\"email\":\"nope\",\"amount\":10000}", SECRET).statusCode()).isEqualTo(400);
        assertThat(get("/transaction/verify/never-made", SECRET).statusCode()).isEqualTo(400);
    }

    @Test
    void aWebhookTheReceiverRefusesIsSentAgainUntilItIsTaken() throws Exception {
        String url = authorizationUrl("ref-retry");
        failuresToAnswer.set(2);
        http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Received hook = received.poll(10, TimeUnit.SECONDS);
        assertThat(hook).isNotNull();
        // the log is updated once the receiver's answer is read, a moment after the receiver took the body
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(get("/__sandbox/webhooks", null).body()).contains("\"attempts\":3").contains("\"delivered\":true"));
    }

    @Test
    void sandboxEventsSendRenewalFailuresAndSubscriptionsForAPaidTransaction() throws Exception {
        authorizationUrl("ref-events");
        var refused = post("/__sandbox/events", "{\"event\":\"invoice.payment_failed\",\"reference\":\"ref-events\"}", null);
        assertThat(refused.statusCode()).isEqualTo(400);
        var charged = post("/__sandbox/events", "{\"event\":\"charge.success\",\"reference\":\"ref-events\"}", null);
        assertThat(charged.body()).contains("\"last_status\":200");
        var failed = post("/__sandbox/events", "{\"event\":\"invoice.payment_failed\",\"reference\":\"ref-events\"}", null);
        assertThat(failed.statusCode()).isEqualTo(200);
        received.poll(5, TimeUnit.SECONDS);
        Received renewal = received.poll(5, TimeUnit.SECONDS);
        assertThat(renewal.body()).contains("\"event\":\"invoice.payment_failed\"").contains("\"subscription_code\":\"SUB_");
    }

    @Test
    void aSavedCardIsChargedAgainOncePerReferenceAndADeclinedCardSaysFailed() throws Exception {
        String url = authorizationUrl("ref-card");
        http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        received.poll(10, TimeUnit.SECONDS);
        @SuppressWarnings("unchecked")
        Map<String, Object> paid = (Map<String, Object>) Json.parseObject(get("/transaction/verify/ref-card", SECRET).body()).get("data");
        @SuppressWarnings("unchecked")
        String card = (String) ((Map<String, Object>) paid.get("authorization")).get("authorization_code");
        String charge = "{\"authorization_code\":\"" + card + "\",\"email\":\"ada@fime.ng\",\"amount\":100000,\"reference\":\"renew-1\"}";

        var charged = post("/transaction/charge_authorization", charge, SECRET);
        assertThat(charged.statusCode()).isEqualTo(200);
        assertThat(charged.body()).contains("\"message\":\"Charge attempted\"").contains("\"status\":\"success\"");
        assertThat(Json.parseObject(received.poll(10, TimeUnit.SECONDS).body())).containsEntry("event", "charge.success");
        var again = post("/transaction/charge_authorization", charge, SECRET);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("Duplicate Transaction Reference");

        post("/__sandbox/declines", "{\"authorization_code\":\"" + card + "\",\"decline\":true}", null);
        var declined = post("/transaction/charge_authorization", charge.replace("renew-1", "renew-2"), SECRET);
        assertThat(declined.body()).contains("\"status\":\"failed\"");
        assertThat(received.poll(500, TimeUnit.MILLISECONDS)).isNull();
        assertThat(get("/__sandbox/charges?authorization_code=" + card, null).body()).contains("\"charges\":2");

        assertThat(post("/transaction/charge_authorization", charge.replace(card, "AUTH_unknown"), SECRET).statusCode()).isEqualTo(400);
        assertThat(post("/transaction/charge_authorization", charge.replace("ada@fime.ng", "eve@fime.ng").replace("renew-1", "renew-3"), SECRET)
                .statusCode()).isEqualTo(400);
        assertThat(post("/transaction/charge_authorization", charge, "sk_test_wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void anArmedFaultAnswersFiveHundredsForTheNextCallsThenPaystackIsBack() throws Exception {
        post("/__sandbox/faults", "{\"count\":2,\"status\":503,\"path_prefix\":\"/transaction\"}", null);
        assertThat(post("/transaction/initialize", "{\"email\":\"a@b.ng\",\"amount\":10000}", SECRET).statusCode()).isEqualTo(503);
        assertThat(post("/transaction/initialize", "{\"email\":\"a@b.ng\",\"amount\":10000}", SECRET).statusCode()).isEqualTo(503);
        assertThat(post("/transaction/initialize", "{\"email\":\"a@b.ng\",\"amount\":10000}", SECRET).statusCode()).isEqualTo(200);
    }

    private String authorizationUrl(String reference) throws Exception {
        var init = post("/transaction/initialize", "{\"email\":\"ada@fime.ng\",\"amount\":100000,\"reference\":\"" + reference + "\"}", SECRET);
        assertThat(init.statusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) Json.parseObject(init.body()).get("data");
        return (String) data.get("authorization_url");
    }

    private HttpResponse<String> post(String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.url() + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.url() + path)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
