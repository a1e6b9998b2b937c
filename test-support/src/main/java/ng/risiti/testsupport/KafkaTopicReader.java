package ng.risiti.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads one topic in a test with a plain {@link KafkaConsumer} (no consumer group: all partitions assigned).
 *
 * <pre>
 * try (var reader = KafkaTopicReader.fromEnd("invoice.events")) {
 *     // ... act ...
 *     var records = reader.readUntil(rs -&gt; rs.size() &gt;= 1, Duration.ofSeconds(10));
 *     assertThat(KafkaTopicReader.header(records.getFirst(), "ce_type")).isEqualTo("invoice.created");
 * }
 * </pre>
 *
 * Records accumulate across calls: {@link #readUntil} and {@link #readFor} return everything read so far.
 * Only committed records of transactional producers are returned (read_committed).
 */
public final class KafkaTopicReader implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration PARTITIONS_TIMEOUT = Duration.ofSeconds(15);

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

    private KafkaTopicReader(String bootstrapServers, String topic, boolean fromBeginning) {
        this.topic = topic;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "risiti-topic-reader-" + topic + "-" + UUID.randomUUID());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "true");
        this.consumer = new KafkaConsumer<>(props);
        try {
            List<TopicPartition> partitions = partitions();
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            // resolve the positions now, so that records produced after this constructor are not skipped
            partitions.forEach(consumer::position);
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
    }

    /** All records of the topic, from the first offset; uses {@link RisitiTestResources#kafkaBootstrapServers()}. */
    public static KafkaTopicReader fromBeginning(String topic) {
        return fromBeginning(RisitiTestResources.kafkaBootstrapServers(), topic);
    }

    /** Only records produced after this call; uses {@link RisitiTestResources#kafkaBootstrapServers()}. */
    public static KafkaTopicReader fromEnd(String topic) {
        return fromEnd(RisitiTestResources.kafkaBootstrapServers(), topic);
    }

    public static KafkaTopicReader fromBeginning(String bootstrapServers, String topic) {
        return new KafkaTopicReader(bootstrapServers, topic, true);
    }

    public static KafkaTopicReader fromEnd(String bootstrapServers, String topic) {
        return new KafkaTopicReader(bootstrapServers, topic, false);
    }

    /**
     * Polls until {@code done} accepts the records read so far and returns them; fails with an
     * {@link AssertionError} listing what was read if that takes longer than {@code timeout}.
     */
    public List<ConsumerRecord<String, String>> readUntil(Predicate<List<ConsumerRecord<String, String>>> done,
                                                          Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ConsumerRecord<String, String>> snapshot = records();
            if (done.test(snapshot)) {
                return snapshot;
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("topic " + topic + ": condition not met within " + timeout + "; read "
                        + snapshot.size() + " record(s):" + summary(snapshot));
            }
            poll();
        }
    }

    /**
     * The first record of event type {@code type} (its {@code ce_type} header) that {@code match} accepts, polling up
     * to {@code timeout}. Match on the type, not only on a key or an id in the value: an earlier event about the same
     * thing may reach the topic after the reader opened (the relay publishes in batches).
     */
    public ConsumerRecord<String, String> first(String type, Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        Predicate<ConsumerRecord<String, String>> wanted = r -> type.equals(header(r, "ce_type")) && match.test(r);
        return readUntil(all -> all.stream().anyMatch(wanted), timeout).stream().filter(wanted).findFirst().orElseThrow();
    }

    /** Polls until nothing new arrived for {@code quietPeriod} (at most 60 s) and returns all records read. */
    public List<ConsumerRecord<String, String>> readFor(Duration quietPeriod) {
        long limit = System.nanoTime() + Math.max(quietPeriod.multipliedBy(10).toNanos(), Duration.ofSeconds(60).toNanos());
        long quietUntil = System.nanoTime() + quietPeriod.toNanos();
        while (System.nanoTime() < quietUntil && System.nanoTime() < limit) {
            if (poll() > 0) {
                quietUntil = System.nanoTime() + quietPeriod.toNanos();
            }
        }
        return records();
    }

    /** Everything read so far (a copy). */
    public List<ConsumerRecord<String, String>> records() {
        return Collections.unmodifiableList(new ArrayList<>(records));
    }

    public String topic() {
        return topic;
    }

    /** The last header {@code name} of the record as UTF-8, or null if it has none. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    private int poll() {
        ConsumerRecords<String, String> polled = consumer.poll(POLL);
        polled.forEach(records::add);
        return polled.count();
    }

    private List<TopicPartition> partitions() {
        long deadline = System.nanoTime() + PARTITIONS_TIMEOUT.toNanos();
        while (true) {
            List<PartitionInfo> infos;
            try {
                infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                infos = List.of();
            }
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("topic " + topic + " has no partitions after " + PARTITIONS_TIMEOUT);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String summary(List<ConsumerRecord<String, String>> records) {
        int from = Math.max(0, records.size() - 10);
        return (from > 0 ? "\n  ... " + from + " earlier" : "") + records.subList(from, records.size()).stream()
                .map(r -> "\n  p" + r.partition() + "@" + r.offset() + " key=" + r.key() + " value=" + abbreviate(r.value()))
                .collect(Collectors.joining());
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }
}
