package ng.risiti.platform.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import ng.risiti.platform.security.InternalEndpoints;
import ng.risiti.platform.testapp.ConsumerFaults;
import ng.risiti.platform.testapp.NoteBatchConsumer;
import ng.risiti.platform.testapp.NoteEvents;
import ng.risiti.platform.testapp.PlatformTestTopics;
import ng.risiti.platform.testapp.TestDatabase;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A consumer that applies a poll's events together ({@link BulkEventConsumer}, one statement for all of them), on the
 * test application's {@link NoteBatchConsumer}: nothing lost, doubled or reordered, a bad event found and set aside.
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "platform"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(PlatformTestTopics.class)
class BulkConsumersTests {

    @Inject
    NoteBatchConsumer consumer;
    @Inject
    ConsumerFaults faults;

    /** Fails if Consumers handed a bulk consumer one event at a time (the largest batch would be 1). */
    @Test
    void aBurstIsAppliedManyEventsAtATimeEachOnceAndInOrderEvenAnEventSentTwice() throws Exception {
        String key = UUID.randomUUID().toString();
        List<String> texts = texts("burst", 300);
        List<String> ids = new ArrayList<>(texts.stream().map(ignored -> UUID.randomUUID().toString()).toList());
        ids.set(151, ids.get(150)); // redelivered within the burst: the inbox takes it once

        publish(key, texts, ids);

        List<String> expected = new ArrayList<>(texts);
        expected.remove(151);
        await().atMost(Duration.ofSeconds(60)).until(() -> batched(key).size() >= expected.size());
        assertThat(batched(key)).containsExactlyElementsOf(expected);
        assertThat(consumer.largestBatch()).isGreaterThan(1);
    }

    @Test
    void anEventThatCanNeverPassIsFoundInItsBatchAndDeadLetteredWhileTheOthersAreApplied() throws Exception {
        String key = UUID.randomUUID().toString();
        List<String> texts = texts("refusal", 60);
        faults.refuse(texts.get(30));

        publish(key, texts, null);

        List<String> expected = new ArrayList<>(texts);
        expected.remove(30);
        await().atMost(Duration.ofSeconds(30)).until(() -> batched(key).size() >= expected.size());
        assertThat(batched(key)).containsExactlyElementsOf(expected);
        await().atMost(Duration.ofSeconds(15)).until(() -> deadLetters().stream().anyMatch(letter -> key.equals(letter.get("key"))
                && String.valueOf(letter.get("error")).contains(texts.get(30))
                && String.valueOf(letter.get("dead_letter_topic")).equals(NoteEvents.BATCHES_TOPIC + ".dlq." + NoteEvents.BATCHES_GROUP)));
    }

    /** The batch's rows roll back with its inbox rows: applied once each when the failure passes, nothing doubled. */
    @Test
    void aBatchThatFailsForAMomentIsAppliedOnceWhenItPasses() throws Exception {
        String key = UUID.randomUUID().toString();
        List<String> texts = texts("moment", 80);
        faults.failTimes(texts.get(40), 4);

        publish(key, texts, null);

        await().atMost(Duration.ofSeconds(30)).until(() -> batched(key).size() >= texts.size());
        assertThat(batched(key)).containsExactlyElementsOf(texts);
        assertThat(faults.attempts(texts.get(40))).isEqualTo(5);
    }

    private static List<String> texts(String what, int count) {
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            texts.add(what + "-" + i + "-" + UUID.randomUUID());
        }
        return texts;
    }

    /** One producer, one flush: the consumer's polls find many of them at once. */
    private static void publish(String key, List<String> texts, List<String> ids) {
        Properties config = new Properties();
        config.put("bootstrap.servers", RisitiTestResources.kafkaBootstrapServers());
        config.put("linger.ms", "20");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < texts.size(); i++) {
                ProducerRecord<String, String> record = new ProducerRecord<>(NoteEvents.BATCHES_TOPIC, key, "{\"text\":\"" + texts.get(i) + "\"}");
                String id = ids == null ? UUID.randomUUID().toString() : ids.get(i);
                record.headers().add("ce_specversion", "1.0".getBytes()).add("ce_id", id.getBytes())
                        .add("ce_type", NoteEvents.CREATED.getBytes()).add("ce_source", "/test".getBytes());
                producer.send(record);
            }
            producer.flush();
        }
    }

    private static List<Map<String, Object>> deadLetters() {
        return given().header(InternalEndpoints.SERVICE_TOKEN_HEADER, RisitiTestResources.serviceToken()).get("/internal/dead-letters")
                .then().statusCode(200).extract().jsonPath().getList("data");
    }

    private static List<String> batched(String key) throws Exception {
        return TestDatabase.texts("select text from batched_notes where note_key = ? order by applied_seq", key);
    }
}
