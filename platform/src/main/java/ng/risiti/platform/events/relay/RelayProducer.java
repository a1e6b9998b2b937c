package ng.risiti.platform.events.relay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import ng.risiti.platform.events.CloudEventHeaders;
import ng.risiti.platform.events.KafkaClients;
import ng.risiti.platform.observability.Traces;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * The leader relay's transactional producer. Every batch is one Kafka transaction that also writes a marker record
 * (the ids it carries) to this service's relay topic, so a new leader can tell exactly which rows the last batch
 * published even if its predecessor died between Kafka's commit and marking them in PostgreSQL: nothing is published
 * twice. {@code initTransactions} with the service's stable transactional id fences any older relay still running.
 */
final class RelayProducer implements AutoCloseable {

    /** Kafka could not be reached (or timed out): nothing about the rows, try the whole batch again later. */
    static final class KafkaUnavailable extends RuntimeException {
        KafkaUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Another relay took over (or the producer can no longer be used): stop publishing. */
    static final class Fenced extends RuntimeException {
        Fenced(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** What a batch came to: rows now in Kafka, and rows that failed for a reason of their own. */
    record Outcome(List<UUID> published, Map<PendingEvent, String> failed) {
    }

    private static final Logger LOG = Logger.getLogger(RelayProducer.class);
    private static final int MARKER_WINDOW = 64;

    private final KafkaProducer<String, String> producer;
    private final Map<String, Object> kafka;
    private final String markerTopic;
    private final String service;
    private final Duration timeout;
    private final Set<String> knownTopics = new HashSet<>();

    private RelayProducer(KafkaProducer<String, String> producer, Map<String, Object> kafka, String markerTopic, String service,
            Duration timeout) {
        this.producer = producer;
        this.kafka = kafka;
        this.markerTopic = markerTopic;
        this.service = service;
        this.timeout = timeout;
    }

    /** Creates the producer and fences every older one with the same transactional id (blocks up to the timeout). */
    static RelayProducer start(Map<String, Object> kafka, String transactionalId, String markerTopic, String service, Duration timeout) {
        KafkaProducer<String, String> producer = KafkaClients.producer(kafka, "outbox-relay-" + service + "-" + UUID.randomUUID(), timeout, Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() * 2 + 1,
                // a relay that dies inside a transaction holds read_committed consumers back until this (or its successor) ends it
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) Math.max(10_000, timeout.toMillis() * 3)));
        try {
            producer.initTransactions();
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw new KafkaUnavailable("could not start the relay's Kafka transactions: " + e.getMessage(), e);
        }
        return new RelayProducer(producer, kafka, markerTopic, service, timeout);
    }

    /** The ids the last committed batch of this service published (by whichever relay), read committed-only. */
    List<UUID> lastPublishedBatch() {
        Map<String, Object> config = KafkaClients.config(kafka);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "outbox-relay-marker-" + service);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(markerTopic, 0);
            consumer.assign(List.of(partition));
            long begin = consumer.beginningOffsets(List.of(partition), timeout).get(partition);
            long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
            String last = null;
            long from = Math.max(begin, end - MARKER_WINDOW);
            while (true) {
                consumer.seek(partition, from);
                while (consumer.position(partition, timeout) < end) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        if (service.equals(record.key()) && record.value() != null) {
                            last = record.value();
                        }
                    }
                }
                if (last != null || from == begin) {
                    break;
                }
                from = begin;
            }
            if (last == null || last.isBlank()) {
                return List.of();
            }
            return Arrays.stream(last.split(",")).map(UUID::fromString).toList();
        } catch (KafkaException e) {
            throw new KafkaUnavailable("could not read the relay marker topic " + markerTopic + ": " + e.getMessage(), e);
        }
    }

    /** Publishes the rows it can in one transaction; rows that fail for a reason of their own come back in the outcome. */
    Outcome publish(List<PendingEvent> batch) {
        Map<PendingEvent, String> failed = new LinkedHashMap<>();
        List<PendingEvent> sendable = new ArrayList<>();
        for (PendingEvent event : batch) {
            String topicProblem = topicProblem(event.topic());
            if (topicProblem != null) {
                failed.put(event, topicProblem);
            } else {
                sendable.add(event);
            }
        }
        if (sendable.isEmpty()) {
            return new Outcome(List.of(), failed);
        }
        Map<PendingEvent, Exception> sendFailures = new ConcurrentHashMap<>();
        try {
            producer.beginTransaction();
            for (PendingEvent event : sendable) {
                try {
                    producer.send(record(event), (metadata, failure) -> {
                        if (failure != null) {
                            sendFailures.put(event, failure);
                        }
                    });
                } catch (ProducerFencedException | InvalidProducerEpochException e) {
                    throw e;
                } catch (KafkaException e) {
                    // after one record failed, the transaction refuses every further send: it is doomed, stop here
                    sendFailures.putIfAbsent(event, e);
                }
                if (!sendFailures.isEmpty()) {
                    break;
                }
            }
            if (sendFailures.isEmpty()) {
                producer.send(new ProducerRecord<>(markerTopic, 0, service,
                        String.join(",", sendable.stream().map(event -> event.id().toString()).toList())));
            }
            producer.flush();
            if (!sendFailures.isEmpty()) {
                abort();
                List<Map.Entry<PendingEvent, Exception>> ownFaults = sendFailures.entrySet().stream()
                        .filter(entry -> rowsOwnFault(entry.getValue())).toList();
                if (ownFaults.isEmpty()) {
                    Exception any = sendFailures.values().iterator().next();
                    throw new KafkaUnavailable("Kafka refused the batch: " + any.getMessage(), any);
                }
                ownFaults.forEach(entry -> failed.put(entry.getKey(), describe(entry.getValue())));
                return new Outcome(List.of(), failed);
            }
            producer.commitTransaction();
            return new Outcome(sendable.stream().map(PendingEvent::id).toList(), failed);
        } catch (ProducerFencedException | InvalidProducerEpochException | TransactionalIdAuthorizationException e) {
            throw new Fenced(e);
        } catch (KafkaUnavailable e) {
            throw e;
        } catch (KafkaException e) {
            abort();
            throw new KafkaUnavailable("Kafka transaction failed: " + e.getMessage(), e);
        }
    }

    /**
     * Null when the topic can take records; otherwise why not. A topic whose metadata cannot be had while the relay's
     * own topic answers is refused (deleted, never created, not allowed): that fails its rows, not the relay.
     */
    private String topicProblem(String topic) {
        if (knownTopics.contains(topic)) {
            return null;
        }
        try {
            producer.partitionsFor(topic);
            knownTopics.add(topic);
            return null;
        } catch (KafkaException e) {
            try {
                producer.partitionsFor(markerTopic);
            } catch (KafkaException brokerAway) {
                throw new KafkaUnavailable("Kafka is unreachable: " + brokerAway.getMessage(), brokerAway);
            }
            return "topic " + topic + " is not available: " + e.getMessage();
        }
    }

    private void abort() {
        try {
            producer.abortTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            throw new Fenced(e);
        } catch (KafkaException e) {
            // Kafka did not answer the abort (it went away mid-batch): an outage, shown in health like any other. The
            // relay closes this producer and its successor's initTransactions aborts the open transaction.
            throw new KafkaUnavailable("Kafka did not answer the abort of a batch: " + e.getMessage(), e);
        }
    }

    /** Failures that are about the record itself: the same record would fail again however often it is sent. */
    static boolean rowsOwnFault(Throwable failure) {
        return failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidTopicException || failure instanceof TopicAuthorizationException
                || failure instanceof UnknownTopicOrPartitionException || failure instanceof SerializationException
                || failure instanceof CorruptRecordException || failure instanceof PolicyViolationException
                || failure instanceof AuthorizationException && !(failure instanceof TransactionalIdAuthorizationException);
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private static ProducerRecord<String, String> record(PendingEvent event) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SUPPORTED_SPEC_VERSION);
        header(headers, CloudEventHeaders.ID, event.id().toString());
        header(headers, CloudEventHeaders.TYPE, event.type());
        header(headers, CloudEventHeaders.SOURCE, event.source());
        header(headers, CloudEventHeaders.TIME, event.occurredAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        if (event.subject() != null) {
            header(headers, CloudEventHeaders.SUBJECT, event.subject());
        }
        if (event.tenantId() != null) {
            header(headers, CloudEventHeaders.TENANT_ID, event.tenantId().toString());
        }
        if (event.test() != null) {
            header(headers, CloudEventHeaders.MODE, event.test() ? CloudEventHeaders.TEST : CloudEventHeaders.LIVE);
        }
        header(headers, CloudEventHeaders.AGGREGATE_VERSION, Long.toString(event.aggregateVersion()));
        header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        if (event.traceParent() != null) {
            header(headers, Traces.TRACEPARENT, event.traceParent());
        }
        return new ProducerRecord<>(event.topic(), null, event.key(), event.data(), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        try {
            producer.close(Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            LOG.debugf("Closing the relay producer: %s", e.getMessage());
        }
    }
}
