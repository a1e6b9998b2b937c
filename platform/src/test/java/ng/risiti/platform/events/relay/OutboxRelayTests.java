package ng.risiti.platform.events.relay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import ng.risiti.platform.security.InternalEndpoints;
import ng.risiti.platform.events.Outbox;
import ng.risiti.platform.events.TopicProvisioner;
import ng.risiti.platform.security.Tenancy;
import ng.risiti.platform.testapp.NoteEvents;
import ng.risiti.platform.testapp.PlatformTestTopics;
import ng.risiti.platform.testapp.TestDatabase;
import ng.risiti.platform.testapp.Tenant;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The outbox relay as every service runs it, on the test application's outbox and a real broker. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "platform"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(PlatformTestTopics.class)
class OutboxRelayTests {

    @Inject
    Outbox outbox;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Test
    void eachEventReachesKafkaOnceWithItsAggregatesVersionInCommitOrderAndItsMode() throws Throwable {
        String key = UUID.randomUUID().toString();
        UUID tenant = UUID.randomUUID();
        try (KafkaTopicReader topic = KafkaTopicReader.fromEnd(NoteEvents.TOPIC)) {
            for (int i = 1; i <= 3; i++) {
                emit(key, new Tenancy(tenant, i == 3), "{\"text\":\"v" + i + "\"}");
            }
            List<ConsumerRecord<String, String>> read = readKey(topic, key, 3);
            assertThat(read).extracting(ConsumerRecord::value).containsExactly("{\"text\":\"v1\"}", "{\"text\":\"v2\"}", "{\"text\":\"v3\"}");
            assertThat(read).extracting(r -> KafkaTopicReader.header(r, "ce_aggregateversion")).containsExactly("1", "2", "3");
            assertThat(read).extracting(r -> KafkaTopicReader.header(r, "ce_mode")).containsExactly("live", "live", "test");
            assertThat(read).extracting(r -> KafkaTopicReader.header(r, "ce_tenantid")).containsOnly(tenant.toString());
        }
    }

    /** Fails on the old relay: one record Kafka refused failed the whole batch, every second, for every event after it. */
    @Test
    void aRowKafkaRefusesIsParkedWithItsAggregateWhileOtherEventsFlowAndGoesOnceAnOperatorRetriesIt() throws Throwable {
        String stuckKey = UUID.randomUUID().toString();
        String freeKey = UUID.randomUUID().toString();
        UUID tenant = UUID.randomUUID();
        try (KafkaTopicReader topic = KafkaTopicReader.fromEnd(NoteEvents.TOPIC)) {
            emit(stuckKey, Tenancy.live(tenant), "{\"text\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
            emit(stuckKey, Tenancy.live(tenant), "{\"text\":\"after the big one\"}");
            emit(freeKey, Tenancy.live(tenant), "{\"text\":\"unrelated\"}");
            assertThat(readKey(topic, freeKey, 1)).extracting(ConsumerRecord::value).containsExactly("{\"text\":\"unrelated\"}");

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> internal().get("/internal/outbox").then().statusCode(200)
                    .body("data.parked", equalTo(1))
                    .body("data.parked_events[0].key", equalTo(stuckKey))
                    .body("data.parked_events[0].last_error", org.hamcrest.Matchers.containsString("RecordTooLargeException")));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().get("/q/health").then().statusCode(503)
                    .body("checks.find { it.name == 'outbox' }.status", equalTo("DOWN")));
            assertThat(topic.readFor(Duration.ofMillis(500)).stream().filter(r -> stuckKey.equals(r.key()))).isEmpty();

            // the operator shrinks the event (a fix deployed), then retries it: both go, in order
            String parked = internal().get("/internal/outbox").then().extract().path("data.parked_events[0].id");
            sql("update outbox_events set data = '{\"text\":\"made smaller\"}' where id = '" + parked + "'");
            internal().post("/internal/outbox/" + parked + "/retry").then().statusCode(200);
            assertThat(readKey(topic, stuckKey, 2)).extracting(ConsumerRecord::value)
                    .containsExactly("{\"text\":\"made smaller\"}", "{\"text\":\"after the big one\"}");
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().get("/q/health").then()
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP")));
        internal().post("/internal/outbox/" + UUID.randomUUID() + "/retry").then().statusCode(404);
    }

    @Test
    void anEventForATopicThatDoesNotExistIsParkedWithoutHoldingOthersBack() throws Throwable {
        String key = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        try (KafkaTopicReader topic = KafkaTopicReader.fromEnd(NoteEvents.TOPIC)) {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.emit("platform-test.nowhere.v1",
                    NoteEvents.CREATED, key, Tenancy.live(UUID.randomUUID()), Map.of("text", "lost?"))));
            emit(other, Tenancy.live(UUID.randomUUID()), "{\"text\":\"flows\"}");
            assertThat(readKey(topic, other, 1)).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> internal().get("/internal/outbox").then()
                .body("data.parked_events.find { it.key == '" + key + "' }.last_error",
                        org.hamcrest.Matchers.containsString("not available")));
        sql("delete from outbox_events where partition_key = '" + key + "'");
    }

    /**
     * A relay that died after Kafka committed its batch but before marking it, and a zombie relay, simulated with a
     * second producer of the service's transactional id: the batch is not published again, and the zombie, fenced as
     * soon as the live relay carries on, cannot publish anything.
     */
    @Test
    void aBatchInKafkaButNotMarkedIsNeverPublishedTwiceAndAZombieRelayIsFenced() throws Throwable {
        String key = UUID.randomUUID().toString();
        String later = UUID.randomUUID().toString();
        try (KafkaTopicReader topic = KafkaTopicReader.fromEnd(NoteEvents.TOPIC)) {
            emitTwoHeldBack(key);
            List<PendingEvent> batch = pending(key);
            assertThat(batch).hasSize(2);

            // the "dying" relay: publishes them with the marker, then never marks them
            RelayProducer dying = RelayProducer.start(kafka, "risiti-outbox-platform-tests", TopicProvisioner.relayTopic("platform-tests"),
                    "platform-tests", Duration.ofSeconds(5));
            assertThat(dying.publish(batch).published()).hasSize(2);

            // the live relay, fenced by that, starts over with the next event: it marks the batch from the marker
            emit(later, Tenancy.live(UUID.randomUUID()), "{\"text\":\"later\"}");
            assertThat(readKey(topic, later, 1)).hasSize(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> count("select count(*) from outbox_events where partition_key = '" + key
                    + "' and published_at is not null") == 2);
            sql("update outbox_events set next_attempt_at = null where partition_key = '" + key + "'");

            // ...and the dying relay, now a zombie, is fenced
            assertThatThrownBy(() -> dying.publish(batch)).isInstanceOf(RelayProducer.Fenced.class);
            dying.close();

            Map<String, Long> copies = readAllFromBeginning(key).stream()
                    .collect(Collectors.groupingBy(r -> KafkaTopicReader.header(r, "ce_id"), Collectors.counting()));
            assertThat(copies).hasSize(2).allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
        }
    }

    /**
     * The same death, but the live relay reads the batch before it learns (its producer fenced) that the batch is in
     * Kafka: starting again, it marks the batch from the marker and must not publish what it had read. Fails on the
     * relay before the fix, which published both again (a FaultBenchmark run caught one such copy when Kafka died
     * mid-commit).
     */
    @Test
    void aBatchTheLiveRelayReadBeforeFindingItInKafkaIsNotPublishedAgain() throws Throwable {
        String key = UUID.randomUUID().toString();
        emitTwoHeldBack(key);
        RelayProducer dying = RelayProducer.start(kafka, "risiti-outbox-platform-tests", TopicProvisioner.relayTopic("platform-tests"),
                "platform-tests", Duration.ofSeconds(5));
        assertThat(dying.publish(pending(key)).published()).hasSize(2);
        dying.close();

        // released: the live relay reads them, finds its producer fenced, starts a new one (which marks them) and goes on
        sql("update outbox_events set next_attempt_at = null where partition_key = '" + key + "'");
        await().atMost(Duration.ofSeconds(15)).until(() -> count("select count(*) from outbox_events where partition_key = '" + key
                + "' and published_at is not null") == 2);
        String later = UUID.randomUUID().toString();
        emit(later, Tenancy.live(UUID.randomUUID()), "{\"text\":\"later\"}");
        await().atMost(Duration.ofSeconds(15)).until(() -> count("select count(*) from outbox_events where partition_key = '" + later
                + "' and published_at is not null") == 1);

        Map<String, Long> copies = readAllFromBeginning(key).stream()
                .collect(Collectors.groupingBy(r -> KafkaTopicReader.header(r, "ce_id"), Collectors.counting()));
        assertThat(copies).hasSize(2).allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
    }

    /** Kafka away for a while: the API keeps working, no transaction waits on Kafka, and afterwards each event goes once, in order. */
    @Test
    void whileKafkaIsDownEventsWaitInTheOutboxWithNoTransactionOpenAndAfterwardsGoOnceInOrder() throws Throwable {
        Tenant tenant = Tenant.create();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> tenant.live().body("{\"text\":\"warm-up\"}").post("/api/v1/notes")
                .then().statusCode(201));
        String key = UUID.randomUUID().toString();
        RisitiTestResources.stopKafka();
        try {
            for (int i = 1; i <= 5; i++) {
                emit(key, Tenancy.live(tenant.id()), "{\"text\":\"during " + i + "\"}");
            }
            tenant.live().body("{\"text\":\"written while Kafka is down\"}").post("/api/v1/notes").then().statusCode(201);
            // a batch in flight when the broker went away times out first (send, then the abort): seconds, not minutes
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> internal().get("/internal/outbox").then()
                    .body("data.failing_since", org.hamcrest.Matchers.notNullValue()));
            assertThat(count("select count(*) from outbox_events where partition_key = '" + key + "' and published_at is null")).isEqualTo(5);
            assertThat(count("select count(*) from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'"
                    + " and now() - xact_start > interval '1 second'")).isZero();
        } finally {
            RisitiTestResources.startKafka();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from outbox_events where partition_key = '" + key
                + "' and published_at is null") == 0);
        List<ConsumerRecord<String, String>> read = readAllFromBeginning(key);
        assertThat(read).extracting(ConsumerRecord::value)
                .containsExactly("{\"text\":\"during 1\"}", "{\"text\":\"during 2\"}", "{\"text\":\"during 3\"}", "{\"text\":\"during 4\"}",
                        "{\"text\":\"during 5\"}");
    }

    /** Two events the live relay leaves alone for now (backing off for an hour), committed with that state. */
    private void emitTwoHeldBack(String key) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.emit(NoteEvents.TOPIC, NoteEvents.CREATED, key,
                        Tenancy.live(UUID.randomUUID()), Map.of("text", "one"))
                .chain(() -> outbox.emit(NoteEvents.TOPIC, NoteEvents.CREATED, key, Tenancy.live(UUID.randomUUID()), Map.of("text", "two")))
                .chain(() -> Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "update outbox_events set next_attempt_at = now() + interval '1 hour' where partition_key = ?1")
                        .setParameter(1, key).executeUpdate()))));
    }

    private void emit(String key, Tenancy tenancy, String json) throws Throwable {
        Object data = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.emit(NoteEvents.TOPIC, NoteEvents.CREATED, key,
                tenancy, data)));
    }

    private static List<ConsumerRecord<String, String>> readKey(KafkaTopicReader topic, String key, int expected) {
        List<ConsumerRecord<String, String>> read = topic.readUntil(records -> records.stream().filter(r -> key.equals(r.key())).count() >= expected,
                Duration.ofSeconds(20));
        return read.stream().filter(r -> key.equals(r.key())).toList();
    }

    private static List<ConsumerRecord<String, String>> readAllFromBeginning(String key) {
        try (KafkaTopicReader topic = KafkaTopicReader.fromBeginning(NoteEvents.TOPIC)) {
            return new ArrayList<>(topic.readFor(Duration.ofSeconds(3)).stream().filter(r -> key.equals(r.key())).toList());
        }
    }

    private static List<PendingEvent> pending(String key) throws Exception {
        List<PendingEvent> rows = new ArrayList<>();
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement("""
                select seq, id, topic, partition_key, type, source, subject, tenant_id, test_mode, occurred_at, data, aggregate_version, attempts,
                       trace_parent
                from outbox_events where partition_key = ? order by seq""")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(new PendingEvent(row.getLong(1), row.getObject(2, UUID.class), row.getString(3), row.getString(4), row.getString(5),
                            row.getString(6), row.getString(7), row.getObject(8, UUID.class), (Boolean) row.getObject(9),
                            row.getObject(10, OffsetDateTime.class), row.getString(11), row.getLong(12), row.getInt(13),
                            row.getString(14)));
                }
            }
        }
        return rows;
    }

    private static void sql(String statement) throws Exception {
        try (Connection db = TestDatabase.connect(); var sql = db.createStatement()) {
            sql.execute(statement);
        }
    }

    private static int count(String query) throws Exception {
        try (Connection db = TestDatabase.connect(); var sql = db.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static io.restassured.specification.RequestSpecification internal() {
        return given().header(InternalEndpoints.SERVICE_TOKEN_HEADER, RisitiTestResources.serviceToken());
    }
}
