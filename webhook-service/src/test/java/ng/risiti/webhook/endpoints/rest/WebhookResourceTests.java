package ng.risiti.webhook.endpoints.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ng.risiti.testsupport.GreenMailResource;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import ng.risiti.webhook.TestHostResolver;
import ng.risiti.webhook.WebhookFixtures.Endpoint;
import ng.risiti.webhook.WebhookFixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "webhook"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(GreenMailResource.class)
class WebhookResourceTests {

    final WebhookFixtures tenant = new WebhookFixtures();

    private Response create(String body) {
        return tenant.owner().body(body).post("/api/v1/webhooks");
    }

    private Response createFor(String url) {
        return create("{\"url\":\"" + url + "\",\"events\":[\"invoice.paid\"]}");
    }

    @Test
    void aRegisteredEndpointIsActiveAndItsSecretIsShownOnlyInTheAnswerToItsCreation() {
        String url = tenant.receiver.url(tenant.receiver.path());
        Response created = create("{\"url\":\"" + url + "\",\"events\":[\"invoice.paid\",\"payment.received\"],"
                + "\"description\":\"  Order fulfilment  \"}");
        created.then().statusCode(201)
                .body("data.url", equalTo(url))
                .body("data.events", equalTo(List.of("invoice.paid", "payment.received")))
                .body("data.description", equalTo("Order fulfilment"))
                .body("data.status", equalTo("active"))
                .body("data.secret", matchesPattern("whs_[0-9a-f]{32}"))
                .body("data.id", matchesPattern("[0-9a-f-]{36}"))
                .body("data.created_at", not(nullValue()));
        String id = created.path("data.id");
        String secret = created.path("data.secret");

        tenant.owner().get("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("data.id", equalTo(id)).body("data", not(hasKey("secret"))).body("data.status", equalTo("active"));
        tenant.owner().get("/api/v1/webhooks").then().statusCode(200)
                .body("data", hasSize(1)).body("data[0].id", equalTo(id)).body("data[0]", not(hasKey("secret")))
                .body("has_more", equalTo(false)).body("next_cursor", nullValue());
        // kept sealed: the secret's text is nowhere in the row
        assertThat(WebhookFixtures.count("select count(*) from webhook_endpoints where id = ?::uuid and position(convert_to(?, 'UTF8') in secret) = 0",
                id, secret)).isEqualTo(1);
    }

    @Test
    void everyEventIsOneSubscriptionButTheWildcardStandsAlone() {
        create("{\"url\":\"" + tenant.receiver.url("/all") + "\",\"events\":[\"*\"]}").then().statusCode(201)
                .body("data.events", equalTo(List.of("*")));
        create("{\"url\":\"" + tenant.receiver.url("/all") + "\",\"events\":[\"*\",\"invoice.paid\"]}").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo("events"))
                .body("error.details[0].message", containsString("cannot be combined"));
    }

    @Test
    void anUnknownEventIsRefusedByName() {
        create("{\"url\":\"" + tenant.receiver.url("/x") + "\",\"events\":[\"invoice.paid\",\"invoice.exploded\"]}").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details[0].field", equalTo("events"))
                .body("error.details[0].message", containsString("unknown event 'invoice.exploded'"));
        create("{\"url\":\"" + tenant.receiver.url("/x") + "\",\"events\":[]}").then().statusCode(400)
                .body("error.details[0].field", equalTo("events"));
        // an event that is internal (replicas only) is not a webhook event either
        create("{\"url\":\"" + tenant.receiver.url("/x") + "\",\"events\":[\"invoice.updated\"]}").then().statusCode(400)
                .body("error.details[0].message", containsString("'invoice.updated'"));
    }

    @Test
    void aMissingUrlOrEventListIsRefusedNamingTheField() {
        create("{\"events\":[\"invoice.paid\"]}").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details.field", equalTo(List.of("url")));
        create("{\"url\":\"https://api.yourapp.com/webhooks/risiti\"}").then().statusCode(400)
                .body("error.details.field", equalTo(List.of("events")));
        create("not json").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void urlsThatAreNotWebUrlsAreRefused() {
        for (String url : List.of("ftp://example.com/hook", "api.yourapp.com/hook", "https://user:secret@example.com/hook",
                "https:///nohost", "https://example.com/hook#fragment")) {
            createFor(url).then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                    .body("error.details[0].field", equalTo("url"));
        }
    }

    @Test
    void theCloudMetadataAddressIsRefusedAlwaysAsAnAddressOrAName() {
        createFor("http://169.254.169.254/latest/meta-data/").then().statusCode(400)
                .body("error.details[0].field", equalTo("url")).body("error.details[0].message", containsString("link-local"));
        createFor("http://[fe80::1]/hook").then().statusCode(400).body("error.details[0].message", containsString("link-local"));
        createFor("https://" + TestHostResolver.METADATA_NAME + "/hook").then().statusCode(400)
                .body("error.details[0].message", containsString("resolves to 169.254.169.254"));
    }

    @Test
    void aHostnameThatResolvesToAPrivateAddressIsRefused() {
        createFor("https://" + TestHostResolver.PRIVATE_NAME + "/hook").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo("url"))
                .body("error.details[0].message", containsString("resolves to 10.20.30.40, a private address"));
        createFor("http://192.168.1.10/hook").then().statusCode(400).body("error.details[0].message", containsString("private address"));
        // the cluster's own range stays refused whatever else is allowed
        createFor("http://10.42.0.7/hook").then().statusCode(400).body("error.details[0].message", containsString("platform's own network"));
    }

    @Test
    void aHostnameThatDoesNotResolveIsRefused() {
        createFor("https://nowhere.invalid/hook").then().statusCode(400)
                .body("error.details[0].message", containsString("does not resolve"));
    }

    @Test
    void loopbackIsAllowedWhereConfiguredSoADeveloperCanReceiveLocally() {
        createFor("http://" + TestHostResolver.LOCAL_NAME + ":9999/hook").then().statusCode(201);
        createFor("http://[::1]:9999/hook").then().statusCode(201);
    }

    @Test
    void aPatchChangesOnlyWhatItSendsAndPausesOrResumes() {
        Endpoint endpoint = tenant.endpoint("invoice.paid");
        String newUrl = tenant.receiver.url(tenant.receiver.path());
        tenant.owner().body("{\"events\":[\"invoice.created\",\"invoice.sent\"],\"description\":\"ERP sync\"}")
                .patch("/api/v1/webhooks/" + endpoint.id()).then().statusCode(200)
                .body("data.events", equalTo(List.of("invoice.created", "invoice.sent")))
                .body("data.description", equalTo("ERP sync")).body("data.status", equalTo("active"))
                .body("data", not(hasKey("secret")));
        tenant.owner().body("{\"status\":\"paused\",\"url\":\"" + newUrl + "\",\"description\":null}")
                .patch("/api/v1/webhooks/" + endpoint.id()).then().statusCode(200)
                .body("data.status", equalTo("paused")).body("data.url", equalTo(newUrl)).body("data.description", nullValue())
                .body("data.events", equalTo(List.of("invoice.created", "invoice.sent")));
        tenant.owner().body("{\"status\":\"active\"}").patch("/api/v1/webhooks/" + endpoint.id()).then().statusCode(200)
                .body("data.status", equalTo("active"));
    }

    @Test
    void aPatchWithBadFieldsNamesEachAndChangesNothing() {
        Endpoint endpoint = tenant.endpoint("invoice.paid");
        tenant.owner().body("{\"status\":\"disabled\",\"events\":\"invoice.paid\",\"url\":42}")
                .patch("/api/v1/webhooks/" + endpoint.id()).then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", org.hamcrest.Matchers.containsInAnyOrder("status", "events", "url"));
        tenant.owner().body("{\"url\":\"http://169.254.169.254/\"}").patch("/api/v1/webhooks/" + endpoint.id()).then().statusCode(400)
                .body("error.details[0].field", equalTo("url"));
        tenant.owner().body("{\"events\":[\"nope.never\"]}").patch("/api/v1/webhooks/" + endpoint.id()).then().statusCode(400)
                .body("error.details[0].field", equalTo("events"));
        tenant.owner().get("/api/v1/webhooks/" + endpoint.id()).then().statusCode(200)
                .body("data.events", equalTo(List.of("invoice.paid"))).body("data.status", equalTo("active"));
    }

    @Test
    void aDeletedEndpointIsGone() {
        Endpoint endpoint = tenant.endpoint("*");
        tenant.owner().delete("/api/v1/webhooks/" + endpoint.id()).then().statusCode(200)
                .body("data.message", equalTo("Webhook deleted."));
        tenant.owner().get("/api/v1/webhooks/" + endpoint.id()).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        tenant.owner().delete("/api/v1/webhooks/" + endpoint.id()).then().statusCode(404);
        tenant.owner().get("/api/v1/webhooks").then().statusCode(200).body("data", hasSize(0));
    }

    @Test
    void anotherTenantsEndpointOrAMalformedIdIsNotFound() {
        Endpoint endpoint = tenant.endpoint("invoice.paid");
        WebhookFixtures stranger = new WebhookFixtures();
        stranger.owner().get("/api/v1/webhooks/" + endpoint.id()).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        stranger.owner().body("{\"status\":\"paused\"}").patch("/api/v1/webhooks/" + endpoint.id()).then().statusCode(404);
        stranger.owner().delete("/api/v1/webhooks/" + endpoint.id()).then().statusCode(404);
        stranger.owner().get("/api/v1/webhooks/" + endpoint.id() + "/deliveries").then().statusCode(404);
        stranger.owner().post("/api/v1/webhooks/" + endpoint.id() + "/test").then().statusCode(404);
        stranger.owner().get("/api/v1/webhooks").then().statusCode(200).body("data", hasSize(0));
        tenant.owner().get("/api/v1/webhooks/not-a-uuid").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        tenant.owner().get("/api/v1/webhooks/" + endpoint.id()).then().statusCode(200).body("data.status", equalTo("active"));
    }

    @Test
    void testModeEndpointsAreASeparateWorld() {
        Endpoint live = tenant.endpoint("invoice.paid");
        Endpoint test = tenant.endpoint(tenant.testKey(), "invoice.paid");
        tenant.testKey().get("/api/v1/webhooks").then().statusCode(200).body("data.id", equalTo(List.of(test.id())));
        tenant.owner().get("/api/v1/webhooks").then().statusCode(200).body("data.id", equalTo(List.of(live.id())));
        tenant.testKey().get("/api/v1/webhooks/" + live.id()).then().statusCode(404);
        tenant.owner().get("/api/v1/webhooks/" + test.id()).then().statusCode(404);
    }

    @Test
    void theListPagesNewestFirstWithACursor() {
        String first = tenant.endpoint("invoice.paid").id();
        String second = tenant.endpoint("invoice.paid").id();
        String third = tenant.endpoint("invoice.paid").id();
        Response page = tenant.owner().get("/api/v1/webhooks?limit=2");
        page.then().statusCode(200).body("data.id", equalTo(List.of(third, second))).body("has_more", equalTo(true));
        String cursor = page.path("next_cursor");
        tenant.owner().queryParam("cursor", cursor).queryParam("limit", 2).get("/api/v1/webhooks").then().statusCode(200)
                .body("data.id", equalTo(List.of(first))).body("has_more", equalTo(false));
        tenant.owner().get("/api/v1/webhooks?limit=0").then().statusCode(400).body("error.details[0].field", equalTo("limit"));
        tenant.owner().get("/api/v1/webhooks?cursor=forged").then().statusCode(400).body("error.details[0].field", equalTo("cursor"));
    }

    @Test
    void onlyRolesWithWebhooksManageMayTouchWebhooks() {
        Endpoint endpoint = tenant.endpoint("invoice.paid");
        for (String role : List.of("accountant", "member", "readonly")) {
            tenant.as(role).get("/api/v1/webhooks").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
            tenant.as(role).body("{\"url\":\"http://127.0.0.1:9/x\",\"events\":[\"*\"]}").post("/api/v1/webhooks").then().statusCode(403);
            tenant.as(role).body("{\"status\":\"paused\"}").patch("/api/v1/webhooks/" + endpoint.id()).then().statusCode(403);
            tenant.as(role).delete("/api/v1/webhooks/" + endpoint.id()).then().statusCode(403);
            tenant.as(role).get("/api/v1/webhooks/" + endpoint.id() + "/deliveries").then().statusCode(403);
            tenant.as(role).post("/api/v1/webhooks/" + endpoint.id() + "/test").then().statusCode(403);
        }
        tenant.as("admin").get("/api/v1/webhooks").then().statusCode(200).body("data", hasSize(1));
        given().get("/api/v1/webhooks").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        tenant.owner().get("/api/v1/webhooks/" + endpoint.id()).then().statusCode(200).body("data.status", equalTo("active"));
    }

    @Test
    void theSameCreationSentTwiceAtOnceMakesOneEndpointAndNeverShowsTheSecretTwice() throws Exception {
        String body = "{\"url\":\"" + tenant.receiver.url(tenant.receiver.path()) + "\",\"events\":[\"*\"]}";
        String key = UUID.randomUUID().toString();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return tenant.owner().header("Idempotency-Key", key).body(body).post("/api/v1/webhooks").statusCode();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
        tenant.owner().header("Idempotency-Key", key).body(body).post("/api/v1/webhooks").then().statusCode(409)
                .body("error.code", equalTo("CONFLICT")).body("$", not(hasKey("data")));
        assertThat(WebhookFixtures.count("select count(*) from webhook_endpoints where tenant_id = ?", tenant.tenantId)).isEqualTo(1);
        tenant.owner().contentType(ContentType.JSON).get("/api/v1/webhooks").then().body("data", hasSize(1));
    }
}
