package ng.risiti.customer.verifications.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import ng.risiti.customer.IdentityProvidersStub;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "customer"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(IdentityProvidersStub.class)
class VerificationResourceTests {

    static final List<String> SCOPES = List.of("customers:read", "customers:write", "invoices:read");

    final UUID tenantId = UUID.randomUUID();
    final String token = TestIdentity.token(tenantId, UUID.randomUUID(), "member", SCOPES);

    RequestSpecification member() {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    String customer() {
        return member().body("{\"name\":\"Konga Technologies Ltd\",\"email\":\"finance@konga.com\"}").post("/api/v1/customers")
                .then().statusCode(201).extract().path("data.id");
    }

    @Test
    void aRegisteredTinIsChargedPublishedAndBecomesTheCustomersVerifiedTin() {
        String customer = customer();
        KafkaTopicReader topic = KafkaTopicReader.fromEnd("risiti.verifications.v1");
        String id = member().body("{\"type\":\"tin\",\"number\":\"98765432-0001\",\"customer_id\":\"" + customer + "\"}")
                .post("/api/v1/verifications").then().statusCode(201)
                .body("data.valid", equalTo(true))
                .body("data.registered_name", equalTo("Sandbox Taxpayer 98765432-0001"))
                .body("data.charge", equalTo("200.00"))
                .body("data.charge_kobo", equalTo(20000))
                .body("data.checked_at", notNullValue())
                .extract().path("data.id");

        ConsumerRecord<String, String> charged = topic.first("verification.completed", r -> id.equals(r.key()), Duration.ofSeconds(15));
        assertThat(charged.value()).contains("\"charge_kobo\":20000").contains("\"tenant_id\":\"" + tenantId + "\"");
        topic.close();

        member().get("/api/v1/customers/" + customer).then().statusCode(200)
                .body("data.tin", equalTo("98765432-0001")).body("data.tin_verified", equalTo(true)).body("data.nin_verified", equalTo(false));
        member().get("/api/v1/verifications").then().statusCode(200).body("data.id", contains(id));

        // a TIN changed afterwards is not the one NRS confirmed
        member().body("{\"tin\":\"98765432-0002\"}").patch("/api/v1/customers/" + customer).then().statusCode(200)
                .body("data.tin_verified", equalTo(false));
    }

    @Test
    void anUnregisteredNumberIsAnAnswerStillChargedButMarksNothing() {
        String customer = customer();
        member().body("{\"type\":\"tin\",\"number\":\"00000000-0001\",\"customer_id\":\"" + customer + "\"}")
                .post("/api/v1/verifications").then().statusCode(201)
                .body("data.valid", equalTo(false)).body("data.registered_name", nullValue()).body("data.charge_kobo", equalTo(20000));
        member().body("{\"type\":\"nin\",\"number\":\"99999999999\",\"customer_id\":\"" + customer + "\"}")
                .post("/api/v1/verifications").then().statusCode(201).body("data.valid", equalTo(false));
        member().get("/api/v1/customers/" + customer).then().statusCode(200)
                .body("data.tin_verified", equalTo(false)).body("data.nin_verified", equalTo(false)).body("data.tin", nullValue());
    }

    @Test
    void aRegisteredNinMarksTheCustomer() {
        String customer = customer();
        member().body("{\"type\":\"nin\",\"number\":\"12345678901\",\"customer_id\":\"" + customer + "\"}")
                .post("/api/v1/verifications").then().statusCode(201)
                .body("data.valid", equalTo(true)).body("data.registered_name", equalTo("Adaeze Okafor"));
        member().get("/api/v1/customers/" + customer).then().statusCode(200).body("data.nin_verified", equalTo(true));
    }

    @Test
    void aLiveVerificationTheCreditsCannotCoverIsRefusedBeforeAnyProviderIsAsked() {
        IdentityProvidersStub.credits(tenantId, 19_999);
        long asked = IdentityProvidersStub.calls();
        member().body("{\"type\":\"tin\",\"number\":\"98765432-0001\"}").post("/api/v1/verifications").then().statusCode(402)
                .body("error.code", equalTo("PLAN_LIMIT_EXCEEDED"))
                .body("error.message", equalTo("A verification costs NGN 200 of API credits and the balance is NGN 199.99; "
                        + "top up at /api/v1/api-credits/top-up."));
        assertThat(IdentityProvidersStub.calls()).isEqualTo(asked);
        member().get("/api/v1/verifications").then().statusCode(200).body("data.size()", equalTo(0));
        // test mode costs nothing, so it is never refused for credits
        String testKey = TestIdentity.testApiKey(tenantId, SCOPES);
        given().header("x-api-key", testKey).contentType(ContentType.JSON).body("{\"type\":\"nin\",\"number\":\"12345678901\"}")
                .post("/api/v1/verifications").then().statusCode(201);

        IdentityProvidersStub.credits(tenantId, 20_000);
        member().body("{\"type\":\"tin\",\"number\":\"98765432-0001\"}").post("/api/v1/verifications").then().statusCode(201);
    }

    @Test
    void aProviderThatDoesNotAnswerCostsNothingAndLeavesNoTrace() {
        IdentityProvidersStub.down(true);
        try {
            member().body("{\"type\":\"tin\",\"number\":\"98765432-0001\"}").post("/api/v1/verifications").then().statusCode(503)
                    .body("error.code", equalTo("SERVICE_UNAVAILABLE"));
            member().body("{\"type\":\"nin\",\"number\":\"12345678901\"}").post("/api/v1/verifications").then().statusCode(503);
        } finally {
            IdentityProvidersStub.down(false);
        }
        member().get("/api/v1/verifications").then().statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void badInputIsRefusedBeforeAnyProviderIsAsked() {
        long before = IdentityProvidersStub.calls();
        member().body("{\"type\":\"passport\",\"number\":\"A123\"}").post("/api/v1/verifications").then().statusCode(400)
                .body("error.details[0].field", equalTo("type"));
        member().body("{\"type\":\"tin\",\"number\":\"123\"}").post("/api/v1/verifications").then().statusCode(400)
                .body("error.details[0].field", equalTo("number"));
        member().body("{\"type\":\"nin\",\"number\":\"1234567890\"}").post("/api/v1/verifications").then().statusCode(400)
                .body("error.details[0].field", equalTo("number"));
        member().body("{\"type\":\"tin\"}").post("/api/v1/verifications").then().statusCode(400)
                .body("error.details[0].field", equalTo("number"));
        member().body("{\"type\":\"tin\",\"number\":\"98765432-0001\",\"customer_id\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/v1/verifications").then().statusCode(404);
        String strangers = TestIdentity.token(UUID.randomUUID(), UUID.randomUUID(), "owner", SCOPES);
        String theirs = given().auth().oauth2(strangers).contentType(ContentType.JSON).body("{\"name\":\"Other\",\"email\":\"o@x.ng\"}")
                .post("/api/v1/customers").then().statusCode(201).extract().path("data.id");
        member().body("{\"type\":\"tin\",\"number\":\"98765432-0001\",\"customer_id\":\"" + theirs + "\"}")
                .post("/api/v1/verifications").then().statusCode(404);
        assertThat(IdentityProvidersStub.calls()).isEqualTo(before);

        // a TIN of the right form that NRS refuses is the client's mistake too
        member().body("{\"type\":\"tin\",\"number\":\"11111111-1111\"}").post("/api/v1/verifications").then().statusCode(400)
                .body("error.details[0].field", equalTo("number"));
        member().get("/api/v1/verifications").then().statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void theSameIdempotencyKeyAsksTheProviderOnce() {
        long before = IdentityProvidersStub.calls();
        String key = UUID.randomUUID().toString();
        String first = member().header("Idempotency-Key", key).body("{\"type\":\"nin\",\"number\":\"12345678901\"}")
                .post("/api/v1/verifications").then().statusCode(201).extract().path("data.id");
        member().header("Idempotency-Key", key).body("{\"type\":\"nin\",\"number\":\"12345678901\"}")
                .post("/api/v1/verifications").then().statusCode(201).header("Idempotent-Replayed", "true").body("data.id", equalTo(first));
        assertThat(IdentityProvidersStub.calls()).isEqualTo(before + 1);
        member().get("/api/v1/verifications").then().statusCode(200).body("data.id", contains(first));
    }

    @Test
    void testModeVerificationsCostNothingAndStayInTheirWorld() {
        String testKey = TestIdentity.testApiKey(tenantId, SCOPES);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().header("x-api-key", testKey).get("/api/v1/verifications").then().statusCode(200));
        given().header("x-api-key", testKey).contentType(ContentType.JSON).body("{\"type\":\"tin\",\"number\":\"98765432-0001\"}")
                .post("/api/v1/verifications").then().statusCode(201).body("data.charge_kobo", equalTo(0)).body("data.charge", equalTo("0.00"));
        member().get("/api/v1/verifications").then().statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void readersListWritersVerify() {
        String reader = TestIdentity.token(tenantId, UUID.randomUUID(), "readonly", List.of("customers:read"));
        given().auth().oauth2(reader).contentType(ContentType.JSON).body("{\"type\":\"nin\",\"number\":\"12345678901\"}")
                .post("/api/v1/verifications").then().statusCode(403);
        given().auth().oauth2(reader).get("/api/v1/verifications").then().statusCode(200);
        given().get("/api/v1/verifications").then().statusCode(401);
    }

    /** The list takes no filter but its page: a bad one is refused naming the parameter, never ignored (issue 12). */
    @Test
    void aBadPageOfVerificationsIsRefusedNamingItsParameter() {
        member().queryParam("limit", 101).get("/api/v1/verifications").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo("limit"));
        member().queryParam("limit", "ten").get("/api/v1/verifications").then().statusCode(400).body("error.details[0].field", equalTo("limit"));
        member().queryParam("cursor", "not-a-cursor").get("/api/v1/verifications").then().statusCode(400)
                .body("error.details[0].field", equalTo("cursor"));
        member().queryParam("limit", 1).get("/api/v1/verifications").then().statusCode(200);
    }
}
