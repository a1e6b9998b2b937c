package ng.risiti.platform.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import ng.risiti.platform.security.InternalEndpoints;
import ng.risiti.platform.testapp.ConsumerFaults;
import ng.risiti.platform.testapp.NoteEvents;
import ng.risiti.platform.testapp.PlatformTestTopics;
import ng.risiti.platform.testapp.TestDatabase;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestEvents;
import ng.risiti.testsupport.TestIdentity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Consumers as every service runs them ({@link Consumers}), on the test application's note consumer. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "platform"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(PlatformTestTopics.class)
class ConsumersTests {

    private static final String DEAD_LETTERS = NoteEvents.TOPIC + ".dlq." + NoteEvents.GROUP;

    @Inject
    ConsumerFaults faults;

    /** Fails on the old strategy (ignore after ~10 retries): the event was marked done without its effect. */
    @Test
    void anEventThatKeepsFailingIsRetriedUntilItSucceedsAndTheNextOfItsAggregateWaitsForIt() {
        String key = UUID.randomUUID().toString();
        String first = text("first");
        String second = text("second");
        faults.failTimes(first, 15);
        note(key, first);
        note(key, second);

        await().atMost(Duration.ofSeconds(20)).until(() -> applied(key).size() == 2);
        assertThat(applied(key)).containsExactly(first, second);
        assertThat(faults.attempts(first)).isEqualTo(16);
    }

    /**
     * An event that comes before what it needs (EventTooEarly) is retried like any failure, without the warning and the
     * recovery line a failure gets; the ordinary failure beside it shows what the log says otherwise.
     */
    @Test
    void anEventThatComesTooEarlyIsRetriedQuietlyUntilItApplies() {
        String early = text("early");
        String failing = text("failing");
        faults.tooEarlyTimes(early, 3);
        faults.failTimes(failing, 3);
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger consumers = Logger.getLogger(Consumers.class.getName());
        consumers.addHandler(capture);
        try {
            String earlyId = TestEvents.publish(NoteEvents.TOPIC, UUID.randomUUID().toString(), NoteEvents.CREATED, null,
                    "{\"text\":\"" + early + "\"}");
            String failingId = TestEvents.publish(NoteEvents.TOPIC, UUID.randomUUID().toString(), NoteEvents.CREATED, null,
                    "{\"text\":\"" + failing + "\"}");
            await().atMost(Duration.ofSeconds(20)).until(() -> faults.attempts(early) == 4 && faults.attempts(failing) == 4);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> said(logged, failingId, Level.INFO).stream().anyMatch(message -> message.contains("applied event")));

            assertThat(said(logged, earlyId, Level.INFO)).as("what was logged at INFO or above about the early event").isEmpty();
            assertThat(said(logged, failingId, Level.WARNING)).as("the ordinary failure's warning").hasSize(1);
        } finally {
            consumers.removeHandler(capture);
        }
    }

    /** What was logged at {@code atLeast} or above naming the event (JBoss LogManager hands handlers formatted messages). */
    private static List<String> said(List<LogRecord> logged, String eventId, Level atLeast) {
        return logged.stream().filter(r -> r.getLevel().intValue() >= atLeast.intValue()).map(LogRecord::getMessage)
                .filter(message -> message.contains(eventId)).toList();
    }

    /** A backlog arrives in polls of hundreds: each transaction applies many events that persist entities. */
    @Test
    void aBacklogOfHundredsOfEventsIsAppliedInFull() {
        String key = UUID.randomUUID().toString();
        String first = text("entity-first");
        faults.failTimes(first, 20);
        note(key, first);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 350; i++) {
            texts.add(text("entity-" + i));
        }
        publishAll(key, texts);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(key).size() == 351);
        assertThat(applied(key).subList(1, 351)).containsExactlyElementsOf(texts);
    }

    @Test
    void aConsumerStuckOnOneEventTurnsHealthDegradedUntilItIsApplied() {
        String key = UUID.randomUUID().toString();
        String stuck = text("stuck");
        faults.failForever(stuck);
        note(key, stuck);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/q/health").then().statusCode(503)
                .body("checks.find { it.name == 'consumers' }.status", equalTo("DOWN")));
        given().get("/q/health/ready").then().statusCode(200);
        faults.heal(stuck);
        await().atMost(Duration.ofSeconds(15)).until(() -> applied(key).contains(stuck));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().get("/q/health").then()
                .body("checks.find { it.name == 'consumers' }.status", equalTo("UP")));
    }

    /** Fails on the old consumers: a record that was not a CloudEvent was skipped with a warning, lost. */
    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicWithItsHeadersAndErrorAndTheNextIsApplied() {
        String key = UUID.randomUUID().toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_id", "not-an-event-" + key);
        headers.put("x-origin", "a misconfigured producer");
        TestEvents.publishRaw(NoteEvents.TOPIC, key, "{\"text\":\"no type\"}", headers);
        String after = text("after");
        note(key, after);

        // the dead letter is written before the records after it are applied
        await().atMost(Duration.ofSeconds(15)).until(() -> applied(key).contains(after));
        try (KafkaTopicReader deadLetters = KafkaTopicReader.fromBeginning(DEAD_LETTERS)) {
            ConsumerRecord<String, String> letter = deadLetters.readUntil(records -> records.stream().anyMatch(r -> key.equals(r.key())),
                    Duration.ofSeconds(15)).stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
            assertThat(letter.value()).isEqualTo("{\"text\":\"no type\"}");
            assertThat(KafkaTopicReader.header(letter, "x-origin")).isEqualTo("a misconfigured producer");
            assertThat(KafkaTopicReader.header(letter, "ce_id")).isEqualTo("not-an-event-" + key);
            assertThat(KafkaTopicReader.header(letter, DeadLetters.ERROR)).contains("not a CloudEvent");
            assertThat(KafkaTopicReader.header(letter, DeadLetters.STACK)).contains("PermanentEventFailure");
            assertThat(KafkaTopicReader.header(letter, DeadLetters.ORIGINAL_TOPIC)).isEqualTo(NoteEvents.TOPIC);
            assertThat(KafkaTopicReader.header(letter, DeadLetters.CONSUMER_GROUP)).isEqualTo(NoteEvents.GROUP);
        }
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("risiti_consumer_dead_letters_total{channel=\"notes\""));
    }

    @Test
    void anEventOfATypeThisVersionDoesNotKnowIsDeadLettered() {
        String key = UUID.randomUUID().toString();
        TestEvents.publish(NoteEvents.TOPIC, key, "note.teleported", null, "{\"text\":\"from the future\"}");
        await().atMost(Duration.ofSeconds(15)).until(() -> deadLetters().stream().anyMatch(letter -> key.equals(letter.get("key"))
                && String.valueOf(letter.get("error")).contains("note.teleported")));
    }

    @Test
    void anEventThatCanNeverPassIsDeadLetteredAndAReplayAfterTheFixAppliesItOnce() {
        String key = UUID.randomUUID().toString();
        String refused = text("refused");
        faults.refuse(refused);
        note(key, refused);
        String next = text("next");
        note(key, next);
        await().atMost(Duration.ofSeconds(15)).until(() -> applied(key).contains(next));
        assertThat(applied(key)).doesNotContain(refused);

        Map<String, Object> letter = await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters().stream()
                .filter(l -> key.equals(l.get("key"))).findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(String.valueOf(letter.get("error"))).contains("are refused");
        assertThat(letter.get("replayed_at")).isNull();
        String replay = "/internal/dead-letters/" + letter.get("dead_letter_topic") + "/" + letter.get("partition") + "/"
                + letter.get("offset") + "/replay";

        internal().post(replay).then().statusCode(422).body("error.code", equalTo("UNPROCESSABLE"));
        faults.heal(refused);
        internal().post(replay).then().statusCode(200).body("data.applied", equalTo(true));
        internal().post(replay).then().statusCode(200).body("data.applied", equalTo(false));
        assertThat(applied(key)).containsExactly(next, refused);
        assertThat(deadLetters().stream().filter(l -> key.equals(l.get("key"))).findFirst().orElseThrow().get("replayed_at")).isNotNull();
    }

    @Test
    void deadLettersAreForOperatorsOnly() {
        given().get("/internal/dead-letters").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        internal().get("/internal/dead-letters").then().statusCode(200).body("data", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        String key = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        String text = text("twice");
        TestEvents.publish(NoteEvents.TOPIC, key, id, NoteEvents.CREATED, null, "{\"text\":\"" + text + "\"}");
        TestEvents.publish(NoteEvents.TOPIC, key, id, NoteEvents.CREATED, null, "{\"text\":\"" + text + "\"}");
        String marker = text("marker");
        note(key, marker);
        await().atMost(Duration.ofSeconds(15)).until(() -> applied(key).contains(marker));
        assertThat(applied(key)).containsExactly(text, marker);
    }

    /** A real database failure (the table is gone for a while): retried, not dropped, applied once it is back. */
    @Test
    void anEventWhoseTableIsMissingForAWhileIsAppliedWhenItIsBack() throws Exception {
        String key = UUID.randomUUID().toString();
        String text = text("outage");
        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement()) {
            sql.execute("alter table applied_notes rename to applied_notes_away");
            try {
                note(key, text);
                await().atMost(Duration.ofSeconds(10)).until(() -> given().get("/q/health").then().extract().path(
                        "checks.find { it.name == 'consumers' }.data.notes") != null);
            } finally {
                sql.execute("alter table applied_notes_away rename to applied_notes");
            }
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> applied(key).contains(text));
        assertThat(applied(key)).containsExactly(text);
    }

    private static void publishAll(String key, List<String> texts) {
        java.util.Properties config = new java.util.Properties();
        config.put("bootstrap.servers", RisitiTestResources.kafkaBootstrapServers());
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(config,
                new org.apache.kafka.common.serialization.StringSerializer(), new org.apache.kafka.common.serialization.StringSerializer())) {
            for (String text : texts) {
                var record = new org.apache.kafka.clients.producer.ProducerRecord<String, String>(NoteEvents.TOPIC, key, "{\"text\":\"" + text + "\"}");
                record.headers().add("ce_specversion", "1.0".getBytes()).add("ce_id", UUID.randomUUID().toString().getBytes())
                        .add("ce_type", NoteEvents.CREATED.getBytes()).add("ce_source", "/test".getBytes());
                producer.send(record);
            }
            producer.flush();
        }
    }

    private static void note(String key, String text) {
        TestEvents.publish(NoteEvents.TOPIC, key, NoteEvents.CREATED, null, "{\"text\":\"" + text + "\"}");
    }

    private static String text(String what) {
        return what + "-" + UUID.randomUUID();
    }

    private static io.restassured.specification.RequestSpecification internal() {
        return given().header(InternalEndpoints.SERVICE_TOKEN_HEADER, RisitiTestResources.serviceToken());
    }

    private static List<Map<String, Object>> deadLetters() {
        return internal().get("/internal/dead-letters").then().statusCode(200).extract().jsonPath().getList("data");
    }

    static List<String> applied(String key) {
        try {
            return TestDatabase.texts("select text from applied_notes where note_key = ? order by applied_seq", key);
        } catch (Exception e) {
            // the table may be renamed away by a test
            return new ArrayList<>();
        }
    }
}
