package ng.risiti.auth.dataexport.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ng.risiti.testsupport.GreenMailResource;
import ng.risiti.auth.TestAccounts;
import ng.risiti.auth.TestAccounts.Account;
import ng.risiti.testsupport.TestMailbox;
import ng.risiti.testsupport.RisitiTestResources;
import org.junit.jupiter.api.Test;

/**
 * POST /settings/data-export end to end over real Kafka and PostgreSQL: the request goes out on
 * risiti.data-exports.v1, auth-service answers with its part on risiti.data-export-parts.v1 (in %test it is the only
 * service asked; the system tests ask all six), the archive is built, mailed and downloaded by its link.
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(GreenMailResource.class)
class DataExportResourceTests {

    private static final Duration READY = Duration.ofSeconds(30);
    private static final Pattern LINK = Pattern.compile("https?://\\S+/api/v1/settings/data-export/\\S+/archive\\?token=[A-Za-z0-9_-]+");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void ownerGetsAnArchiveOfEverythingByLinkAndMail() throws Exception {
        Account owner = TestAccounts.register();
        Account accountant = TestAccounts.member(owner, "accountant");
        Map<String, Object> key = TestAccounts.createKey(owner, List.of("invoices:read"));

        ExtractableResponse<Response> requested = DataExports.request(owner);
        assertThat(requested.statusCode()).isEqualTo(202);
        String id = requested.path("data.id");
        assertThat(requested.header("Location")).endsWith("/api/v1/settings/data-export/" + id);
        assertThat((String) requested.path("data.status")).isEqualTo("processing");
        assertThat((String) requested.path("data.download_url")).isNull();
        assertThat((List<?>) requested.path("data.services")).hasSize(1);
        assertThat((String) requested.path("data.services[0].status")).isEqualTo("waiting");

        Map<String, Object> ready = DataExports.awaitFinished(owner, id, READY);
        assertThat(ready.get("status")).isEqualTo("ready");
        OffsetDateTime completed = OffsetDateTime.parse((String) ready.get("completed_at"));
        assertThat(OffsetDateTime.parse((String) ready.get("expires_at"))).isEqualTo(completed.plusHours(24));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> services = (List<Map<String, Object>>) ready.get("services");
        assertThat(services).singleElement().satisfies(service -> assertThat(service)
                .containsEntry("service", "auth-service").containsEntry("status", "done"));
        String url = (String) ready.get("download_url");
        assertThat(url).startsWith("http://localhost:8080/api/v1/settings/data-export/" + id + "/archive?token=");

        ExtractableResponse<Response> download = given().when().get(DataExports.local(url)).then().statusCode(200).extract();
        byte[] archive = download.asByteArray();
        assertThat(download.contentType()).isEqualTo("application/zip");
        assertThat(download.header("Content-Disposition")).startsWith("attachment; filename=\"risiti-data-export-").endsWith(id + ".zip\"");
        assertThat(download.header("Cache-Control")).isEqualTo("no-store");
        // streamed: chunked without a Content-Length (both at once is invalid HTTP/1.1 and proxies refuse it)
        assertThat(download.header("Content-Length")).isNull();
        assertThat(download.header("X-Content-SHA256")).isEqualTo(ready.get("sha256"));
        assertThat((long) archive.length).isEqualTo(((Number) ready.get("size_bytes")).longValue());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive))).isEqualTo(ready.get("sha256"));

        Map<String, String> files = DataExports.unzip(archive);
        assertThat(files).containsKeys("manifest.json", "README.txt", "auth-service/tenant.json", "auth-service/users.json",
                "auth-service/sessions.json", "auth-service/api_keys.json", "auth-service/invitations.json",
                "auth-service/oauth_links.json", "auth-service/data_exports.json");
        JsonNode users = json.readTree(files.get("auth-service/users.json"));
        assertThat(users).hasSize(2);
        assertThat(users.findValuesAsText("email")).containsExactlyInAnyOrder(owner.email(), accountant.email());
        JsonNode tenant = json.readTree(files.get("auth-service/tenant.json")).get(0);
        assertThat(tenant.get("business_name").asText()).isEqualTo("Fime Digital Ltd");
        assertThat(tenant.get("invoice_number_prefix").asText()).isEqualTo("INV");
        assertThat(tenant.get("payment_terms_days").asInt()).isEqualTo(30);
        JsonNode keys = json.readTree(files.get("auth-service/api_keys.json"));
        assertThat(keys.get(0).get("prefix").asText()).isEqualTo(key.get("prefix"));
        assertThat(json.readTree(files.get("auth-service/invitations.json")).get(0).get("email").asText()).isEqualTo(accountant.email());
        assertThat(json.readTree(files.get("auth-service/oauth_links.json"))).isEmpty();

        JsonNode manifest = json.readTree(files.get("manifest.json"));
        assertThat(manifest.get("format").asText()).isEqualTo("risiti-data-export/1");
        assertThat(manifest.get("export_id").asText()).isEqualTo(id);
        assertThat(manifest.get("tenant_id").asText()).isEqualTo(owner.tenantId());
        for (JsonNode file : manifest.get("files")) {
            String content = files.get(file.get("path").asText());
            assertThat(json.readTree(content)).as(file.get("path").asText()).hasSize(file.get("records").asInt());
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes("UTF-8"))))
                    .isEqualTo(file.get("sha256").asText());
        }

        // no secret of the tenant leaves in the archive: not the key, its hash, nor any password hash
        String everything = files.entrySet().stream().filter(file -> file.getKey().endsWith(".json")).map(Map.Entry::getValue)
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(everything).doesNotContain((String) key.get("key")).doesNotContain("$argon2").doesNotContain("key_hash")
                .doesNotContain("password").doesNotContain("mfa_secret").doesNotContain("token_hash");

        TestMailbox.Mail mail = TestMailbox.awaitOne(owner.email());
        assertThat(mail.subject()).isEqualTo("Your Risiti data export is ready");
        Matcher link = LINK.matcher(mail.text());
        assertThat(link.find()).isTrue();
        assertThat(link.group()).isEqualTo(url);
    }

    @Test
    void aLinkIsAccepted24HoursOnlyAndOnlyAsSigned() {
        Account owner = TestAccounts.register();
        String id = DataExports.request(owner).path("data.id");
        String url = (String) DataExports.awaitFinished(owner, id, READY).get("download_url");
        String local = DataExports.local(url);

        String forged = local.substring(0, local.length() - 2) + (local.endsWith("AA") ? "BB" : "AA");
        given().when().get(forged).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        given().when().get(local.replaceFirst("\\?token=.*", "")).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        given().when().get("/api/v1/settings/data-export/not-an-id/archive?token=x").then().statusCode(404);
        // a genuine token for one export opens no other
        String other = DataExports.request(TestAccounts.register()).path("data.id");
        given().when().get(local.replace(id, other)).then().statusCode(404);

        DataExports.expireNow(id);
        given().when().get(local).then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"))
                .body("error.message", startsWith("This download link expired"));
        Map<String, Object> expired = DataExports.awaitStatus(owner, id, "expired", Duration.ofSeconds(10));
        assertThat(expired.get("download_url")).isNull();
        given().when().get(local).then().statusCode(404);
    }

    @Test
    void onlyTheOwnerAndAdminsOfTheTenantMayExport() {
        Account owner = TestAccounts.register();
        for (String role : List.of("accountant", "member", "readonly")) {
            Account member = TestAccounts.member(owner, role);
            DataExports.request(member).response().then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        }
        String key = (String) TestAccounts.createKey(owner, List.of("admin")).get("key");
        given().header("x-api-key", key).when().post("/api/v1/settings/data-export").then().statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"));
        given().when().post("/api/v1/settings/data-export").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));

        Account admin = TestAccounts.member(owner, "admin");
        String id = DataExports.request(admin).path("data.id");
        DataExports.status(owner, id).response().then().statusCode(200).body("data.requested_by", equalTo(admin.userId()));
        Account stranger = TestAccounts.register();
        DataExports.status(stranger, id).response().then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        DataExports.status(owner, "0196a0b0-0000-7000-8000-000000000000").response().then().statusCode(404);
        DataExports.status(owner, "nope").response().then().statusCode(404);
    }

    /**
     * Parts for an export this service does not know (another environment's, or a failed one's late parts) are dropped
     * at once; retrying them would hold up every export behind them on their partition. Twelve keys cover the topic's
     * three partitions all but certainly.
     */
    @Test
    void partsOfAnUnknownExportDoNotHoldUpOthers() {
        for (int i = 0; i < 12; i++) {
            String stray = java.util.UUID.randomUUID().toString();
            ng.risiti.testsupport.TestEvents.publish("risiti.data-export-parts.v1", stray, "data_export.chunk", null, """
                    {"export_id":"%s","service":"customer-service","file":"customers","seq":0,"records":[{"id":1}]}""".formatted(stray));
        }
        Account owner = TestAccounts.register();
        String id = DataExports.request(owner).path("data.id");
        assertThat(DataExports.awaitFinished(owner, id, Duration.ofSeconds(10)).get("status")).isEqualTo("ready");
    }

    @Test
    void anIdempotencyKeyReplaysTheRequest() {
        Account owner = TestAccounts.register();
        String first = given().auth().oauth2(owner.accessToken()).header("Idempotency-Key", "export-" + owner.userId())
                .contentType(ContentType.JSON).when().post("/api/v1/settings/data-export").then().statusCode(202).extract().path("data.id");
        String again = given().auth().oauth2(owner.accessToken()).header("Idempotency-Key", "export-" + owner.userId())
                .contentType(ContentType.JSON).when().post("/api/v1/settings/data-export").then().statusCode(202).extract().path("data.id");
        assertThat(again).isEqualTo(first);
    }
}
