package ng.risiti.auth.settings.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ng.risiti.testsupport.GreenMailResource;
import ng.risiti.auth.TestAccounts;
import ng.risiti.auth.TestAccounts.Account;
import ng.risiti.platform.events.Topics;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(GreenMailResource.class)
class SettingsResourceTests {

    private static final String BUSINESS_ID = "bb99420d-d6bb-422c-b371-b9f6d6009aae";

    @Test
    void aNewTenantHasItsSignUpProfileAndTheDefaults() {
        Account owner = TestAccounts.register();
        given().auth().oauth2(owner.accessToken()).when().get("/api/v1/settings")
                .then().statusCode(200)
                .body("data.tenant_id", equalTo(owner.tenantId()))
                .body("data.business_name", equalTo("Fime Digital Ltd"))
                .body("data.tin", equalTo("12345678-0001"))
                .body("data.business_type", equalTo("sme"))
                .body("data.plan", equalTo("free"))
                .body("data.address", nullValue())
                .body("data.contact_email", nullValue())
                .body("data.logo_url", nullValue())
                .body("data.nrs_service_id", nullValue())
                .body("data.nrs_business_id", nullValue())
                .body("data.updated_at", notNullValue());
        given().auth().oauth2(owner.accessToken()).when().get("/api/v1/settings/invoice-defaults")
                .then().statusCode(200)
                .body("data.number_prefix", equalTo("INV"))
                .body("data.payment_terms_days", equalTo(30))
                .body("data.footer", nullValue())
                .body("data.logo_url", nullValue())
                .body("data.hsn_code", nullValue())
                .body("data.product_category", nullValue())
                .body("data.updated_at", nullValue());
    }

    @Test
    void patchingTheProfileStoresItAndAnnouncesTheWholeTenant() {
        Account owner = TestAccounts.register();
        Map<String, Object> profile = Map.of(
                "business_name", "Fime Digital Nigeria Ltd",
                "tin", "87654321-0002",
                "address", "14 Broad Street, Lagos Island",
                "contact_email", "Accounts@Fime.ng",
                "logo_url", "https://cdn.fime.ng/logo.png",
                "nrs_service_id", "AB12CD34",
                "nrs_business_id", BUSINESS_ID);
        try (KafkaTopicReader tenants = KafkaTopicReader.fromEnd(Topics.TENANTS)) {
            given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON).body(profile)
                    .when().patch("/api/v1/settings")
                    .then().statusCode(200)
                    .body("data.business_name", equalTo("Fime Digital Nigeria Ltd"))
                    .body("data.tin", equalTo("87654321-0002"))
                    .body("data.address", equalTo("14 Broad Street, Lagos Island"))
                    .body("data.contact_email", equalTo("accounts@fime.ng"))
                    .body("data.logo_url", equalTo("https://cdn.fime.ng/logo.png"))
                    .body("data.nrs_service_id", equalTo("AB12CD34"))
                    .body("data.nrs_business_id", equalTo(BUSINESS_ID));

            ConsumerRecord<String, String> updated = tenants.first("tenant.updated", r -> owner.tenantId().equals(r.key()), Duration.ofSeconds(10));
            assertThat(KafkaTopicReader.header(updated, "ce_tenantid")).isEqualTo(owner.tenantId());
            JsonPath state = JsonPath.from(updated.value());
            assertThat(state.getString("tenant_id")).isEqualTo(owner.tenantId());
            assertThat(state.getString("name")).isEqualTo("Fime Digital Nigeria Ltd");
            assertThat(state.getString("tin")).isEqualTo("87654321-0002");
            assertThat(state.getString("business_type")).isEqualTo("sme");
            assertThat(state.getString("plan_slug")).isEqualTo("free");
            assertThat(state.getMap("$")).containsEntry("member", null);
            assertThat(state.getString("address")).isEqualTo("14 Broad Street, Lagos Island");
            assertThat(state.getString("nrs_service_id")).isEqualTo("AB12CD34");
            assertThat(state.getString("nrs_business_id")).isEqualTo(BUSINESS_ID);
            assertThat(state.getString("invoice_defaults.number_prefix")).isEqualTo("INV");
            assertThat(state.getInt("invoice_defaults.payment_terms_days")).isEqualTo(30);
        }
        given().auth().oauth2(owner.accessToken()).when().get("/api/v1/auth/me")
                .then().statusCode(200).body("data.tenant.name", equalTo("Fime Digital Nigeria Ltd")).body("data.tenant.tin", equalTo("87654321-0002"));

        // absent fields stay, null clears an optional one, blank clears it too
        Map<String, Object> clear = new HashMap<>();
        clear.put("logo_url", null);
        clear.put("address", "  ");
        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON).body(clear)
                .when().patch("/api/v1/settings")
                .then().statusCode(200)
                .body("data.logo_url", nullValue())
                .body("data.address", nullValue())
                .body("data.nrs_service_id", equalTo("AB12CD34"))
                .body("data.business_name", equalTo("Fime Digital Nigeria Ltd"));
        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON).body("{}")
                .when().patch("/api/v1/settings")
                .then().statusCode(200).body("data.contact_email", equalTo("accounts@fime.ng"));
        given().auth().oauth2(owner.accessToken()).when().get("/api/v1/settings")
                .then().statusCode(200).body("data.logo_url", nullValue()).body("data.tin", equalTo("87654321-0002"));
    }

    /** Fails on the old settings: a tenant could claim another's NRS Service ID and issue IRNs in its name. */
    @Test
    void anNrsServiceIdBelongsToOneBusiness() {
        TestAccounts.Account first = TestAccounts.register();
        TestAccounts.Account second = TestAccounts.register();
        String serviceId = "SV" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        given().auth().oauth2(first.accessToken()).contentType(ContentType.JSON).body(Map.of("nrs_service_id", serviceId))
                .when().patch("/api/v1/settings").then().statusCode(200).body("data.nrs_service_id", equalTo(serviceId));
        given().auth().oauth2(second.accessToken()).contentType(ContentType.JSON).body(Map.of("nrs_service_id", serviceId.toLowerCase()))
                .when().patch("/api/v1/settings").then().statusCode(409).body("error.code", equalTo("CONFLICT"))
                .body("error.message", equalTo("This NRS Service ID is already used by another business; each business has its own."));
        given().auth().oauth2(second.accessToken()).when().get("/api/v1/settings").then().statusCode(200)
                .body("data.nrs_service_id", nullValue());
        // the owner of the ID can still change other settings
        given().auth().oauth2(first.accessToken()).contentType(ContentType.JSON).body(Map.of("nrs_service_id", serviceId, "logo_url",
                "https://cdn.example.ng/logo.png")).when().patch("/api/v1/settings").then().statusCode(200);
    }

    @Test
    void anOperatorPutsABusinessOnAPlanThroughTheInternalEndpoint() {
        TestAccounts.Account owner = TestAccounts.register();
        String token = RisitiTestResources.serviceToken();
        given().contentType(ContentType.JSON).body(Map.of("email", owner.email(), "plan", "enterprise"))
                .when().post("/internal/tenants/plan").then().statusCode(401);
        try (KafkaTopicReader tenants = KafkaTopicReader.fromEnd(Topics.TENANTS)) {
            given().header("X-Risiti-Service-Token", token).contentType(ContentType.JSON)
                    .body(Map.of("email", owner.email().toUpperCase(), "plan", "enterprise"))
                    .when().post("/internal/tenants/plan").then().statusCode(200).body("data.plan", equalTo("enterprise"));
            assertThat(tenants.readUntil(all -> all.stream().anyMatch(r -> owner.tenantId().equals(r.key())
                    && r.value().contains("\"plan_slug\":\"enterprise\"")), Duration.ofSeconds(15))).isNotEmpty();
        }
        given().auth().oauth2(owner.accessToken()).when().get("/api/v1/settings").then().statusCode(200)
                .body("data.plan", equalTo("enterprise"));
        given().header("X-Risiti-Service-Token", token).contentType(ContentType.JSON)
                .body(Map.of("email", "nobody@nowhere.ng", "plan", "growth"))
                .when().post("/internal/tenants/plan").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        given().header("X-Risiti-Service-Token", token).contentType(ContentType.JSON)
                .body(Map.of("email", owner.email(), "plan", "platinum"))
                .when().post("/internal/tenants/plan").then().statusCode(400).body("error.details[0].field", equalTo("plan"));
    }

    /** What a service whose replica has not heard of a business yet gets: the state risiti.tenants.v1 carries. */
    @Test
    void aServiceLooksUpATenantsStateThroughTheInternalEndpoint() {
        Account owner = TestAccounts.register();
        String token = RisitiTestResources.serviceToken();
        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("contact_email", "accounts@fime.ng"))
                .when().patch("/api/v1/settings").then().statusCode(200);

        given().when().get("/internal/tenants/" + owner.tenantId()).then().statusCode(401);
        given().header("X-Risiti-Service-Token", token).when().get("/internal/tenants/" + owner.tenantId()).then().statusCode(200)
                .body("tenant_id", equalTo(owner.tenantId())).body("plan_slug", equalTo("free"))
                .body("contact_email", equalTo("accounts@fime.ng")).body("member", nullValue());
        given().header("X-Risiti-Service-Token", token).when().get("/internal/tenants/" + java.util.UUID.randomUUID())
                .then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        given().header("X-Risiti-Service-Token", token).when().get("/internal/tenants/not-a-uuid")
                .then().statusCode(404);
    }

    @Test
    void everyBadProfileFieldIsReportedAtOnce() {
        Account owner = TestAccounts.register();
        Map<String, Object> bad = new HashMap<>();
        bad.put("business_name", null);
        bad.put("tin", "12345678");
        bad.put("address", "x".repeat(501));
        bad.put("contact_email", "accounts@");
        bad.put("logo_url", "http://cdn.fime.ng/logo.png");
        bad.put("nrs_service_id", "AB12-D34");
        bad.put("nrs_business_id", "not-a-uuid");
        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON).body(bad)
                .when().patch("/api/v1/settings")
                .then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", containsInAnyOrder("business_name", "tin", "address", "contact_email", "logo_url",
                        "nrs_service_id", "nrs_business_id"))
                .body("error.request_id", notNullValue());

        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("business_name", " "), Map.of("tin", 12345678), Map.of("tin", "1234567-00012"),
                Map.of("nrs_service_id", "ABC1234"), Map.of("nrs_service_id", "ABC123456"), Map.of("logo_url", "not a url"),
                Map.of("logo_url", "https://"), Map.of("contact_email", "two@@fime.ng"), Map.of("business_name", "x".repeat(201)))) {
            String field = body.keySet().iterator().next();
            given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON).body(body)
                    .when().patch("/api/v1/settings")
                    .then().statusCode(400).body("error.details.field", containsInAnyOrder(field));
        }
        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON).body("[]")
                .when().patch("/api/v1/settings")
                .then().statusCode(400).body("error.details[0].field", equalTo("body"));
        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON).body("{\"tin\": ")
                .when().patch("/api/v1/settings")
                .then().statusCode(400).body("error.details[0].field", equalTo("body"));
        // nothing was stored
        given().auth().oauth2(owner.accessToken()).when().get("/api/v1/settings")
                .then().statusCode(200).body("data.business_name", equalTo("Fime Digital Ltd")).body("data.tin", equalTo("12345678-0001"));
    }

    @Test
    void invoiceDefaultsChangeAndAreAnnounced() {
        Account owner = TestAccounts.register();
        try (KafkaTopicReader tenants = KafkaTopicReader.fromEnd(Topics.TENANTS)) {
            given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON)
                    .body(Map.of("number_prefix", "FD-2026", "payment_terms_days", 14, "footer", "Thank you for your business.",
                            "logo_url", "https://cdn.fime.ng/invoice-logo.png", "hsn_code", "9983.13", "product_category", "IT services"))
                    .when().patch("/api/v1/settings/invoice-defaults")
                    .then().statusCode(200)
                    .body("data.number_prefix", equalTo("FD-2026"))
                    .body("data.payment_terms_days", equalTo(14))
                    .body("data.footer", equalTo("Thank you for your business."))
                    .body("data.logo_url", equalTo("https://cdn.fime.ng/invoice-logo.png"))
                    .body("data.hsn_code", equalTo("9983.13"))
                    .body("data.product_category", equalTo("IT services"))
                    .body("data.updated_at", notNullValue());
            ConsumerRecord<String, String> updated = tenants.first("tenant.updated", r -> owner.tenantId().equals(r.key()), Duration.ofSeconds(10));
            JsonPath state = JsonPath.from(updated.value());
            assertThat(state.getMap("invoice_defaults")).isEqualTo(Map.of("number_prefix", "FD-2026", "payment_terms_days", 14,
                    "footer", "Thank you for your business.", "logo_url", "https://cdn.fime.ng/invoice-logo.png",
                    "hsn_code", "9983.13", "product_category", "IT services"));
            assertThat(state.getString("name")).isEqualTo("Fime Digital Ltd");
        }
        Map<String, Object> clear = new HashMap<>();
        clear.put("footer", null);
        clear.put("payment_terms_days", 0);
        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON).body(clear)
                .when().patch("/api/v1/settings/invoice-defaults")
                .then().statusCode(200)
                .body("data.footer", nullValue())
                .body("data.payment_terms_days", equalTo(0))
                .body("data.number_prefix", equalTo("FD-2026"));
        given().auth().oauth2(owner.accessToken()).when().get("/api/v1/settings/invoice-defaults")
                .then().statusCode(200).body("data.payment_terms_days", equalTo(0)).body("data.logo_url", equalTo("https://cdn.fime.ng/invoice-logo.png"));
        // the profile is untouched by invoice defaults
        given().auth().oauth2(owner.accessToken()).when().get("/api/v1/settings")
                .then().statusCode(200).body("data.logo_url", nullValue());
    }

    @Test
    void everyBadInvoiceDefaultIsReported() {
        Account owner = TestAccounts.register();
        Map<String, Object> bad = new HashMap<>();
        bad.put("number_prefix", null);
        bad.put("payment_terms_days", 366);
        bad.put("footer", "x".repeat(1001));
        bad.put("logo_url", "ftp://cdn.fime.ng/logo.png");
        bad.put("hsn_code", "84.71");
        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON).body(bad)
                .when().patch("/api/v1/settings/invoice-defaults")
                .then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", containsInAnyOrder("number_prefix", "payment_terms_days", "footer", "logo_url", "hsn_code"));
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("number_prefix", ""), Map.of("number_prefix", "INVOICES-2026"), Map.of("number_prefix", "IN V"),
                Map.of("number_prefix", "INV/"), Map.of("payment_terms_days", -1), Map.of("payment_terms_days", "30"),
                Map.of("payment_terms_days", 1.5))) {
            String field = body.keySet().iterator().next();
            given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON).body(body)
                    .when().patch("/api/v1/settings/invoice-defaults")
                    .then().statusCode(400).body("error.details.field", containsInAnyOrder(field));
        }
        Map<String, Object> nullTerms = new HashMap<>();
        nullTerms.put("payment_terms_days", null);
        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON).body(nullTerms)
                .when().patch("/api/v1/settings/invoice-defaults")
                .then().statusCode(400).body("error.details[0].field", equalTo("payment_terms_days"));
        given().auth().oauth2(owner.accessToken()).when().get("/api/v1/settings/invoice-defaults")
                .then().statusCode(200).body("data.number_prefix", equalTo("INV")).body("data.updated_at", nullValue());
    }

    @Test
    void apiKeysAndAnonymousCallersCannotUseSettings() {
        Account owner = TestAccounts.register();
        String key = (String) TestAccounts.createKey(owner, List.of("admin")).get("key");
        for (String path : List.of("/api/v1/settings", "/api/v1/settings/invoice-defaults")) {
            given().header("x-api-key", key).when().get(path).then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
            given().header("x-api-key", key).contentType(ContentType.JSON).body(Map.of("footer", "x"))
                    .when().patch(path).then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
            given().when().get(path).then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
            given().contentType(ContentType.JSON).body("{}").when().patch(path).then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        }
    }
}
