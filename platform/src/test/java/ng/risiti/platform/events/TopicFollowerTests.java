package ng.risiti.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestEvents;
import ng.risiti.testsupport.TestTopics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TopicFollowerTests {

    /** What makes a service ready: it has read every record that was on the topic when it started, not just some. */
    @Test
    void aFollowerIsCaughtUpOnlyOnceItAppliedEverythingThatWasOnTheTopicAtStart() throws Exception {
        String topic = "platform-test.follow-" + UUID.randomUUID();
        TestTopics.create(topic);
        for (int i = 0; i < 300; i++) {
            TestEvents.publish(topic, "key-" + i, "api_key.state", null, "{\"n\":" + i + "}");
        }
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger appliedWhenCaughtUp = new AtomicInteger(-1);
        TopicFollower[] follower = new TopicFollower[1];
        follower[0] = TopicFollower.start(topic, Map.of("bootstrap.servers", RisitiTestResources.kafkaBootstrapServers()), record -> {
            sleepQuietly(2);
            applied.incrementAndGet();
        });
        try {
            assertThat(follower[0].caughtUp()).isFalse();
            await().atMost(Duration.ofSeconds(30)).until(follower[0]::caughtUp);
            appliedWhenCaughtUp.set(applied.get());
            assertThat(appliedWhenCaughtUp.get()).isEqualTo(300);

            TestEvents.publish(topic, "key-new", "api_key.state", null, "{\"n\":300}");
            await().atMost(Duration.ofSeconds(10)).until(() -> applied.get() == 301);
        } finally {
            follower[0].close();
        }
    }

    /**
     * A caught-up follower lets the broker hold its fetch for seconds. A record committed in a Kafka transaction, as the
     * relay writes them, must end that wait at once (the transaction's marker completes the held fetch), not when it
     * runs out: a revoked key is refused within a second.
     */
    @Test
    void aRecordCommittedWhileTheFollowerWaitsArrivesAtOnceNotWhenItsFetchRunsOut() {
        String topic = "platform-test.follow-" + UUID.randomUUID();
        TestTopics.create(topic);
        AtomicInteger applied = new AtomicInteger();
        Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RisitiTestResources.kafkaBootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, topic);
        try (TopicFollower follower = TopicFollower.start(topic, Map.of("bootstrap.servers", RisitiTestResources.kafkaBootstrapServers()),
                        record -> applied.incrementAndGet());
                KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            await().atMost(Duration.ofSeconds(30)).until(follower::caughtUp);
            for (int n = 1; n <= 5; n++) {
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "key", "{\"n\":" + n + "}"));
                producer.commitTransaction();
                int expected = n;
                // well inside the 5 s the broker would otherwise hold the fetch
                await().atMost(Duration.ofSeconds(3)).until(() -> applied.get() == expected);
            }
        }
    }

    /**
     * Every replica holds three followers; each used to keep its service's shutdown waiting until the broker gave up
     * holding its fetch (5 s), one after another. Closed, a follower stops at once and leaves no thread behind.
     */
    @Test
    void aFollowerWaitingOnTheBrokerClosesAtOnce() {
        String topic = "platform-test.follow-" + UUID.randomUUID();
        TestTopics.create(topic);
        TopicFollower follower = TopicFollower.start(topic, Map.of("bootstrap.servers", RisitiTestResources.kafkaBootstrapServers()),
                record -> { });
        await().atMost(Duration.ofSeconds(30)).until(follower::caughtUp);
        // caught up, its next fetch is now held by the broker for up to 5 s: nothing to observe, so let time pass
        sleepQuietly(500);

        long started = System.nanoTime();
        follower.close();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("close() while a fetch is held").isLessThan(Duration.ofSeconds(2));
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).doesNotContain("follow-" + topic);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
