package ng.risiti.platform.events;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import ng.risiti.platform.concurrent.Offload;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Dead-letter topics ({@code <topic>.dlq.<consumer-group>}): where a consumer puts an event it can never apply, with
 * the original key, value and headers, plus the error, its stack and where the record came from. Operators list and
 * replay them through {@code /internal/dead-letters}.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String ERROR = "risiti.dlq.error";
    public static final String STACK = "risiti.dlq.stack";
    public static final String ORIGINAL_TOPIC = "risiti.dlq.topic";
    public static final String ORIGINAL_PARTITION = "risiti.dlq.partition";
    public static final String ORIGINAL_OFFSET = "risiti.dlq.offset";
    public static final String CONSUMER_GROUP = "risiti.dlq.consumer-group";
    public static final String FAILED_AT = "risiti.dlq.failed-at";
    private static final int MAX_STACK_CHARS = 8192;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** One dead letter, as an operator sees it. */
    public record DeadLetter(String deadLetterTopic, int partition, long offset, String originalTopic, String key, String eventId,
            String eventType, String consumerGroup, String error, String failedAt) {
    }

    private final Map<String, Object> kafka;
    private final TopicProvisioner topics;
    private final Clock clock;
    private volatile KafkaProducer<String, String> producer;

    public DeadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafka, TopicProvisioner topics, Clock clock) {
        this.kafka = kafka;
        this.topics = topics;
        this.clock = clock;
    }

    void stop(@Observes ShutdownEvent ignored) {
        KafkaProducer<String, String> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(2));
        }
    }

    /** Writes the dead letter and completes once Kafka has it (acks=all), back on the caller's context. */
    public Uni<Void> send(ConsumerRecord<String, String> original, String consumerGroup, Throwable failure) {
        String topic = TopicProvisioner.deadLetterTopic(original.topic(), consumerGroup);
        RecordHeaders headers = new RecordHeaders();
        for (Header header : original.headers()) {
            headers.add(header);
        }
        header(headers, ERROR, failure.getClass().getName() + ": " + failure.getMessage());
        header(headers, STACK, stack(failure));
        header(headers, ORIGINAL_TOPIC, original.topic());
        header(headers, ORIGINAL_PARTITION, Integer.toString(original.partition()));
        header(headers, ORIGINAL_OFFSET, Long.toString(original.offset()));
        header(headers, CONSUMER_GROUP, consumerGroup);
        header(headers, FAILED_AT, clock.instant().toString());
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, 0, original.key(), original.value(), headers);
        Context context = Vertx.currentContext();
        Uni<Void> sent = Offload.run(() -> {
            topics.ensureDeadLetterTopic(topic);
            return producer();
        }).flatMap(kafkaProducer -> Uni.createFrom().<Void>emitter(emitter -> kafkaProducer.send(record, (metadata, error) -> {
            if (error != null) {
                emitter.fail(error);
            } else {
                emitter.complete(null);
            }
        })));
        return context == null ? sent : sent.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    /** Every dead letter of the given consumer groups' topics, oldest first (blocking: call from a worker). */
    public List<DeadLetter> list(Map<String, String> topicByGroup) {
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            Map<String, List<PartitionInfo>> existing = consumer.listTopics(TIMEOUT);
            topicByGroup.forEach((group, topic) -> {
                String deadLetterTopic = TopicProvisioner.deadLetterTopic(topic, group);
                if (!existing.containsKey(deadLetterTopic)) {
                    return;
                }
                for (ConsumerRecord<String, String> record : readAll(consumer, deadLetterTopic)) {
                    letters.add(view(record));
                }
            });
        }
        return letters;
    }

    /** One dead letter's record, or empty (blocking: call from a worker). */
    public Optional<ConsumerRecord<String, String>> read(String deadLetterTopic, int partition, long offset) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            TopicPartition at = new TopicPartition(deadLetterTopic, partition);
            consumer.assign(List.of(at));
            long end = consumer.endOffsets(List.of(at), TIMEOUT).get(at);
            if (offset >= end) {
                return Optional.empty();
            }
            consumer.seek(at, offset);
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                    if (record.offset() > offset) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** The record as it was before it was dead-lettered (same topic and position), so consumers parse it as then. */
    public static ConsumerRecord<String, String> original(ConsumerRecord<String, String> deadLetter) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            if (!header.key().startsWith("risiti.dlq.")) {
                headers.add(header);
            }
        }
        String topic = header(deadLetter, ORIGINAL_TOPIC);
        int partition = Integer.parseInt(Optional.ofNullable(header(deadLetter, ORIGINAL_PARTITION)).orElse("0"));
        long offset = Long.parseLong(Optional.ofNullable(header(deadLetter, ORIGINAL_OFFSET)).orElse("-1"));
        return new ConsumerRecord<>(topic, partition, offset, deadLetter.timestamp(), deadLetter.timestampType(),
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, deadLetter.key(), deadLetter.value(), headers, Optional.empty());
    }

    private List<ConsumerRecord<String, String>> readAll(KafkaConsumer<String, String> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p)) && Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    private static DeadLetter view(ConsumerRecord<String, String> record) {
        return new DeadLetter(record.topic(), record.partition(), record.offset(), header(record, ORIGINAL_TOPIC), record.key(),
                header(record, CloudEventHeaders.ID), header(record, CloudEventHeaders.TYPE), header(record, CONSUMER_GROUP),
                header(record, ERROR), header(record, FAILED_AT));
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                current = producer;
                if (current == null) {
                    current = KafkaClients.producer(kafka, "dead-letters-" + UUID.randomUUID(), TIMEOUT, Map.of());
                    producer = current;
                }
            }
        }
        return current;
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letters-reader-" + UUID.randomUUID());
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private Map<String, Object> clientConfig() {
        return KafkaClients.config(kafka);
    }

    private static String stack(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        String stack = out.toString();
        return stack.length() <= MAX_STACK_CHARS ? stack : stack.substring(0, MAX_STACK_CHARS);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        return IncomingEvent.header(record, name);
    }
}
