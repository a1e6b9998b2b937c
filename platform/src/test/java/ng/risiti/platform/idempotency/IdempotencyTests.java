package ng.risiti.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ng.risiti.platform.testapp.NoteEvents;
import ng.risiti.platform.testapp.PlatformTestTopics;
import ng.risiti.platform.testapp.TestDatabase;
import ng.risiti.platform.testapp.Tenant;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "platform"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(PlatformTestTopics.class)
class IdempotencyTests {

    private static final String NOTES = "/api/v1/notes";

    @Test
    void theSameKeyAndBodyReplaysTheFirstResponseAndAnotherBodyIsRefused() {
        Tenant tenant = Tenant.create();
        String key = UUID.randomUUID().toString();
        Response first = tenant.live().header("Idempotency-Key", key).body("{\"text\":\"hello\"}").post(NOTES);
        first.then().statusCode(201).header("Idempotent-Replayed", (String) null);

        tenant.live().header("Idempotency-Key", key).body("{\"text\":\"hello\"}").post(NOTES).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("data.id", equalTo(first.path("data.id")))
                .body("data.share_token", equalTo(first.path("data.share_token")));
        tenant.live().header("Idempotency-Key", key).body("{\"text\":\"goodbye\"}").post(NOTES).then().statusCode(422)
                .body("error.code", equalTo("UNPROCESSABLE"));
        assertThat(notesOf(tenant)).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesMakeOneNoteAndAllGetItsResponse() throws Exception {
        Tenant tenant = Tenant.create();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Callable<String> call = () -> tenant.live().header("Idempotency-Key", key).body("{\"text\":\"once\",\"slow_ms\":150}")
                    .post(NOTES).then().statusCode(201).extract().path("data.id");
            Set<String> ids = new HashSet<>();
            for (Future<String> result : pool.invokeAll(java.util.Collections.nCopies(8, call))) {
                ids.add(result.get());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(notesOf(tenant)).isEqualTo(1);
    }

    /** Fails on the old filters: they committed the claim, the effect and the outcome separately. */
    @Test
    void aFailureAfterTheEffectLeavesNeitherTheEffectNorAStuckKeySoTheRetryMakesExactlyOne() {
        Tenant tenant = Tenant.create();
        String key = UUID.randomUUID().toString();
        tenant.live().header("Idempotency-Key", key).body("{\"text\":\"crash\",\"fail_after_write\":true}").post(NOTES).then()
                .statusCode(500).body("error.code", equalTo("INTERNAL_ERROR"));
        assertThat(notesOf(tenant)).isZero();
        assertThat(outboxEventsFor(tenant)).isZero();

        tenant.live().header("Idempotency-Key", key).body("{\"text\":\"crash\",\"fail_after_write\":true}").post(NOTES).then().statusCode(500);
        tenant.live().header("Idempotency-Key", key).body("{\"text\":\"crash\"}").post(NOTES).then().statusCode(201);
        assertThat(notesOf(tenant)).isEqualTo(1);
        assertThat(outboxEventsFor(tenant)).isEqualTo(1);
    }

    @Test
    void aRequestThatFailedValidationStoresNothingSoTheFixedRequestRunsUnderTheSameKey() {
        Tenant tenant = Tenant.create();
        String key = UUID.randomUUID().toString();
        tenant.live().header("Idempotency-Key", key).body("{\"text\":\"\"}").post(NOTES).then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"));
        tenant.live().header("Idempotency-Key", key).body("{\"text\":\"fixed\"}").post(NOTES).then().statusCode(201)
                .header("Idempotent-Replayed", (String) null);
    }

    /** Fails on the old scope (the tenant alone): a second user's logout replayed the first's and was not done. */
    @Test
    void twoUsersOfOneTenantAndALiveAndATestKeyNeverShareAKey() {
        Tenant tenant = Tenant.create();
        String key = UUID.randomUUID().toString();
        String body = "{\"text\":\"mine\"}";
        String ada = tenant.user(UUID.randomUUID()).header("Idempotency-Key", key).body(body).post(NOTES).then().statusCode(201)
                .extract().path("data.id");
        String bayo = tenant.user(UUID.randomUUID()).header("Idempotency-Key", key).body(body).post(NOTES).then().statusCode(201)
                .header("Idempotent-Replayed", (String) null).extract().path("data.id");
        String live = tenant.live().header("Idempotency-Key", key).body(body).post(NOTES).then().statusCode(201)
                .header("Idempotent-Replayed", (String) null).body("data.test_mode", equalTo(false)).extract().path("data.id");
        String test = tenant.test().header("Idempotency-Key", key).body(body).post(NOTES).then().statusCode(201)
                .header("Idempotent-Replayed", (String) null).body("data.test_mode", equalTo(true)).extract().path("data.id");
        assertThat(Set.of(ada, bayo, live, test)).hasSize(4);
    }

    @Test
    void aDuplicateThatWaitsLongerThanTheFirstTakesIsToldToRetryNotGivenASecondNote() throws Exception {
        Tenant tenant = Tenant.create();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> slow = pool.submit(() -> tenant.live().header("Idempotency-Key", key)
                    .body("{\"text\":\"slow\",\"slow_ms\":2000}").post(NOTES).statusCode());
            org.awaitility.Awaitility.await().until(() -> notesInFlight(tenant));
            tenant.live().header("Idempotency-Key", key).body("{\"text\":\"slow\",\"slow_ms\":2000}").post(NOTES).then().statusCode(409)
                    .body("error.code", equalTo("CONFLICT")).body("error.message", org.hamcrest.Matchers.containsString("still being processed"));
            assertThat(slow.get()).isEqualTo(201);
        } finally {
            pool.shutdownNow();
        }
        assertThat(notesOf(tenant)).isEqualTo(1);
    }

    @Test
    void aResponseHoldingASecretIsNotStoredAndItsRepeatIsRefused() {
        Tenant tenant = Tenant.create();
        String key = UUID.randomUUID().toString();
        tenant.live().header("Idempotency-Key", key).post(NOTES + "/secrets").then().statusCode(200)
                .body("data.secret", org.hamcrest.Matchers.startsWith("secret-"));
        tenant.live().header("Idempotency-Key", key).post(NOTES + "/secrets").then().statusCode(409)
                .body("error.code", equalTo("CONFLICT"));
        assertThat(storedBodies(tenant)).containsOnlyNulls();
    }

    /** Fails on the old store: it kept the body in the clear and a plain SHA-256 of the request. */
    @Test
    void storedOutcomesHoldNoTokenInTheClearAndNoPlainHashOfTheRequest() throws Exception {
        Tenant tenant = Tenant.create();
        String body = "{\"text\":\"password=Secure123!\"}";
        String share = tenant.live().header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post(NOTES).then().statusCode(201)
                .extract().path("data.share_token");
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(
                "select request_hash, body from idempotency_keys where scope like ?")) {
            query.setString(1, tenant.id() + ":%");
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
                assertThat(rows.getString("request_hash")).isNotEqualTo(sha256);
                String stored = new String(rows.getBytes("body"), StandardCharsets.ISO_8859_1);
                assertThat(stored).doesNotContain(share).doesNotContain("Secure123!");
            }
        }
    }

    /** Fails before platform V0_4: a sealed outcome over ~2 KB (an invoice's is ~2.3 KB) went to the TOAST table. */
    @Test
    void anOutcomeOfAFewKilobytesStaysInItsRowAndReplays() throws Exception {
        Tenant tenant = Tenant.create();
        String key = UUID.randomUUID().toString();
        String body = "{\"text\":\"" + "a long note ".repeat(250) + "\"}";
        String id = tenant.live().header("Idempotency-Key", key).body(body).post(NOTES).then().statusCode(201).extract().path("data.id");
        try (Connection db = TestDatabase.connect()) {
            assumeTrue(db.getMetaData().getDatabaseMajorVersion() >= 17, "pg_column_toast_chunk_id needs PostgreSQL 17 or later");
            try (PreparedStatement query = db.prepareStatement(
                    "select octet_length(body), pg_column_toast_chunk_id(body) from idempotency_keys where scope like ?")) {
                query.setString(1, tenant.id() + ":%");
                try (ResultSet rows = query.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getInt(1)).isGreaterThan(3000);
                    assertThat(rows.getObject(2)).as("TOAST chunk of the stored outcome").isNull();
                }
            }
        }
        tenant.live().header("Idempotency-Key", key).body(body).post(NOTES).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("data.id", equalTo(id));
    }

    @Test
    void outcomesOlderThanTheirDayArePurgedAndTheKeyWorksAfresh() throws Exception {
        Tenant tenant = Tenant.create();
        String key = UUID.randomUUID().toString();
        tenant.live().header("Idempotency-Key", key).body("{\"text\":\"old\"}").post(NOTES).then().statusCode(201);
        try (Connection db = TestDatabase.connect(); PreparedStatement age = db.prepareStatement(
                "update idempotency_keys set created_at = now() - interval '25 hours' where scope like ?")) {
            age.setString(1, tenant.id() + ":%");
            assertThat(age.executeUpdate()).isEqualTo(1);
        }
        tenant.live().header("Idempotency-Key", key).body("{\"text\":\"new\"}").post(NOTES).then().statusCode(201)
                .header("Idempotent-Replayed", (String) null);
        assertThat(notesOf(tenant)).isEqualTo(2);
    }

    @Test
    void aKeyLongerThan255CharactersIsAValidationError() {
        Tenant.create().live().header("Idempotency-Key", "k".repeat(256)).body("{\"text\":\"x\"}").post(NOTES).then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo("Idempotency-Key"));
    }

    private static int notesOf(Tenant tenant) {
        return count("select count(*) from notes where tenant_id = ?", tenant.id());
    }

    private static int outboxEventsFor(Tenant tenant) {
        return count("select count(*) from outbox_events where tenant_id = ? and topic = '" + NoteEvents.TOPIC + "'", tenant.id());
    }

    private static boolean notesInFlight(Tenant tenant) {
        return count("select count(*) from pg_stat_activity where query like 'select pg_sleep%' and state = 'active'", null) > 0;
    }

    private static List<byte[]> storedBodies(Tenant tenant) {
        List<byte[]> bodies = new ArrayList<>();
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement("select body from idempotency_keys where scope like ?")) {
            query.setString(1, tenant.id() + ":%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    bodies.add(rows.getBytes(1));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return bodies;
    }

    private static int count(String sql, UUID tenant) {
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(sql)) {
            if (tenant != null) {
                query.setObject(1, tenant);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
