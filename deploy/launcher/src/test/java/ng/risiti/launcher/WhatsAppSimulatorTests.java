package ng.risiti.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local stack's WhatsApp Cloud API simulator, called as invoice-service calls Meta. */
class WhatsAppSimulatorTests {

    static Vertx vertx;
    static WhatsAppSimulator simulator;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String TEMPLATE = """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"template",
             "template":{"name":"invoice_notification","language":{"code":"en","policy":"deterministic"},
               "components":[{"type":"body","parameters":[{"type":"text","text":"Adeyemi & Sons"},{"type":"text","text":"INV-2026-001"},
                 {"type":"text","text":"NGN 376,250.00"},{"type":"text","text":"http://localhost:8080/p/abc"}]}]}}""";

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        simulator = WhatsAppSimulator.start(vertx, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        simulator.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aTemplateMessageIsAcceptedAsMetaAcceptsItAndListedForPeopleToSee() throws Exception {
        HttpResponse<String> sent = post("/v21.0/100000000000001/messages", "Bearer local-token", TEMPLATE.formatted("2348031234567"));

        assertThat(sent.statusCode()).isEqualTo(200);
        JsonObject answer = new JsonObject(sent.body());
        assertThat(answer.getString("messaging_product")).isEqualTo("whatsapp");
        assertThat(answer.getJsonArray("contacts").getJsonObject(0).getString("wa_id")).isEqualTo("2348031234567");
        String wamid = answer.getJsonArray("messages").getJsonObject(0).getString("id");
        assertThat(wamid).startsWith("wamid.");

        JsonArray listed = new JsonArray(get("/api/messages").body());
        JsonObject kept = listed.stream().map(JsonObject.class::cast).filter(m -> m.getString("id").equals(wamid)).findFirst().orElseThrow();
        assertThat(kept.getString("to")).isEqualTo("2348031234567");
        assertThat(kept.getString("template")).isEqualTo("invoice_notification");
        assertThat(kept.getJsonArray("parameters").getList())
                .containsExactly("Adeyemi & Sons", "INV-2026-001", "NGN 376,250.00", "http://localhost:8080/p/abc");
        assertThat(get("/").body()).contains("invoice_notification", "+2348031234567", "Adeyemi &amp; Sons");
    }

    @Test
    void withoutATokenOrWithAMalformedMessageItAnswersMetasErrors() throws Exception {
        HttpResponse<String> anonymous = post("/v21.0/100000000000001/messages", null, TEMPLATE.formatted("2348031234567"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(anonymous.body()).getJsonObject("error").getInteger("code")).isEqualTo(190);

        HttpResponse<String> noNumber = post("/v21.0/100000000000001/messages", "Bearer t", TEMPLATE.formatted("not a number"));
        assertThat(noNumber.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(noNumber.body()).getJsonObject("error").getString("message")).contains("to must be a phone number");
    }

    @Test
    void injectedFaultsFailTheNextCallsThenMessagesAreAcceptedAgain() throws Exception {
        assertThat(post("/api/faults", null, "{\"status\":503,\"times\":2}").statusCode()).isEqualTo(200);
        assertThat(post("/v21.0/1/messages", "Bearer t", TEMPLATE.formatted("2348030000001")).statusCode()).isEqualTo(503);
        assertThat(post("/v21.0/1/messages", "Bearer t", TEMPLATE.formatted("2348030000001")).statusCode()).isEqualTo(503);
        assertThat(post("/v21.0/1/messages", "Bearer t", TEMPLATE.formatted("2348030000001")).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> post(String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulator.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulator.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
