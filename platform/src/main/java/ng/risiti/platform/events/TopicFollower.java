package ng.risiti.platform.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads a whole state topic from its beginning on a thread of its own and keeps following it: how every replica of a
 * service learns the state it holds in memory (API keys, revoked sessions). No consumer group: each replica reads
 * every partition. {@link #caughtUp()} turns true once it has read all that was on the topic when it started, so a
 * service is not ready before it knows every revocation.
 */
public final class TopicFollower implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TopicFollower.class);
    /** A poll while catching up at start: an empty topic is known to be read within this. */
    private static final Duration CATCH_UP = Duration.ofMillis(100);
    /**
     * A poll, and how long the broker holds a fetch that finds nothing new, once caught up. A record ends both at once
     * (fetch.min.bytes is 1, and under read_committed a transaction's marker counts), so this only sets how often an
     * idle follower wakes and asks: at 100 ms, three followers in each of six services made 180 empty fetches a second,
     * most of the idle broker's CPU and a third of an idle service's.
     */
    private static final Duration FOLLOW = Duration.ofSeconds(5);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final String topic;
    private final Map<String, Object> config;
    private final Consumer<ConsumerRecord<String, String>> apply;
    private volatile boolean caughtUp;
    private volatile boolean closed;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    private TopicFollower(String topic, Map<String, Object> kafka, Consumer<ConsumerRecord<String, String>> apply) {
        this.topic = topic;
        this.apply = apply;
        this.config = KafkaClients.config(kafka);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) FOLLOW.toMillis());
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "follower-" + topic + "-" + UUID.randomUUID());
    }

    /** Starts following {@code topic}; {@code apply} runs on the follower's thread, one record at a time, in order per partition. */
    public static TopicFollower start(String topic, Map<String, Object> kafka, Consumer<ConsumerRecord<String, String>> apply) {
        TopicFollower follower = new TopicFollower(topic, kafka, apply);
        follower.thread = Thread.ofPlatform().daemon().name("follow-" + topic).start(follower::run);
        return follower;
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    private void run() {
        while (!closed) {
            KafkaConsumer<String, String> reading = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
            consumer = reading;
            try {
                follow(reading);
            } catch (WakeupException | InterruptException e) {
                return;
            } catch (KafkaException | IllegalStateException e) {
                if (closed) {
                    return;
                }
                LOG.warnf("Following %s failed (%s); starting again from the beginning in %d s", topic, e.getMessage(), RETRY.toSeconds());
                sleep();
            } finally {
                // No group and no offsets: nothing to hand over. The default close would wait for the fetch in flight
                // (up to FOLLOW) to end its fetch session, so each follower held a service's shutdown for 5 s.
                reading.close(CloseOptions.timeout(Duration.ZERO));
            }
        }
    }

    private void follow(KafkaConsumer<String, String> reading) {
        List<TopicPartition> partitions = reading.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist yet");
        }
        reading.assign(partitions);
        reading.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = reading.endOffsets(partitions, Duration.ofSeconds(10));
        while (!closed) {
            for (ConsumerRecord<String, String> record : reading.poll(caughtUp ? FOLLOW : CATCH_UP)) {
                try {
                    apply.accept(record);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Could not apply %s/%d@%d; skipped", record.topic(), record.partition(), record.offset());
                }
            }
            if (!caughtUp && partitions.stream().allMatch(p -> reading.position(p) >= end.get(p))) {
                caughtUp = true;
                LOG.debugf("Caught up with %s", topic);
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        KafkaConsumer<String, String> reading = consumer;
        if (reading != null) {
            reading.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
