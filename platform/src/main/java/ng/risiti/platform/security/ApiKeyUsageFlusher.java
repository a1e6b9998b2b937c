package ng.risiti.platform.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import ng.risiti.platform.events.CloudEventHeaders;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.KafkaClients;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.events.contract.ApiKeyUsed;
import ng.risiti.platform.request.UuidV7;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every {@code risiti.api-keys.usage-flush-interval} (default 30 s) drains the {@link ApiKeyUsageRecorder} and
 * publishes one {@code api_key.used} record per key used in the window to {@code risiti.api-usage.v1}
 * (key = key id, so one key's windows stay in order). auth-service keeps {@code api_keys.last_used_at} from it with
 * one batched UPDATE per poll: this is how a key's use is remembered without a database write per request. Billing
 * does not count calls from it: it charges {@code api_calls.metered}, which {@code ratelimit.UsageFlusher} writes
 * through the outbox.
 *
 * <p>Published straight to Kafka, not through the outbox: usage is a signal, not business state, and this runs in
 * every service, most of which have no reason to write a row per window. A plain {@link KafkaProducer} built from the
 * {@code default-kafka-broker} config like the {@code OutboxRelay}'s (rather than a SmallRye {@code Emitter}) keeps
 * the CloudEvents headers written the same way as every other record, needs no outgoing channel declared in every
 * service's configuration, and lets shutdown flush the last window and wait for the acks explicitly.
 *
 * <p>Delivery is at most once per window: the recorder is memory, so a replica that crashes (or cannot reach Kafka
 * in time: five seconds for the topic's metadata, the producer's delivery timeout for the records) loses the uses of
 * its current window. That is accepted: {@code last_used_at} is then late by one window at worst, and no charge
 * depends on it. A clean shutdown publishes the last window.
 */
@ApplicationScoped
public class ApiKeyUsageFlusher {

    private static final Logger LOG = Logger.getLogger(ApiKeyUsageFlusher.class);

    private final ApiKeyUsageRecorder recorder;
    private final ObjectMapper json;
    private final Map<String, Object> kafka;
    private final String service;
    private final String source;
    private final AtomicLong published = new AtomicLong();
    private volatile KafkaProducer<String, String> producer;

    public ApiKeyUsageFlusher(ApiKeyUsageRecorder recorder, ObjectMapper json,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.recorder = recorder;
        this.json = json;
        this.kafka = kafka;
        this.service = service;
        this.source = "/risiti/" + service;
    }

    @Scheduled(every = "${risiti.api-keys.usage-flush-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flushScheduled() {
        flush();
    }

    /** Publishes the uses recorded since the previous flush; returns how many records (keys) were sent. */
    public synchronized int flush() {
        ApiKeyUsageRecorder.Window window = recorder.drain();
        if (window.usages().isEmpty()) {
            return 0;
        }
        KafkaProducer<String, String> kafkaProducer = producer();
        for (ApiKeyUsageRecorder.Usage usage : window.usages()) {
            ApiKeyUsed event = new ApiKeyUsed(usage.keyId(), usage.tenantId(), usage.lastUsedAt(), usage.count(),
                    window.start(), window.end(), service);
            String value;
            try {
                value = json.writeValueAsString(event);
            } catch (JsonProcessingException e) {
                LOG.warnf("Cannot serialize API key usage of %s: %s", usage.keyId(), e.getMessage());
                continue;
            }
            String key = usage.keyId().toString();
            kafkaProducer.send(new ProducerRecord<>(Topics.API_USAGE, null, key, value, headers(key, usage.tenantId(), window.end())),
                    (metadata, failure) -> {
                        if (failure != null) {
                            // the window's uses of this key are lost (see class comment); the next window carries on
                            LOG.warnf("Dropped API key usage of %s (%d uses): %s", key, usage.count(), failure.getMessage());
                        } else {
                            published.incrementAndGet();
                        }
                    });
        }
        return window.usages().size();
    }

    /** Records acknowledged by Kafka since start. */
    public long published() {
        return published.get();
    }

    void stop(@Observes ShutdownEvent ignored) {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warnf("Last API key usage window not published: %s", e.getMessage());
        }
        KafkaProducer<String, String> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }

    private RecordHeaders headers(String keyId, UUID tenantId, Instant time) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(headers, CloudEventHeaders.ID, UuidV7.next().toString());
        header(headers, CloudEventHeaders.TYPE, EventTypes.API_KEY_USED);
        header(headers, CloudEventHeaders.SOURCE, source);
        header(headers, CloudEventHeaders.TIME, time.toString());
        header(headers, CloudEventHeaders.SUBJECT, keyId);
        if (tenantId != null) {
            header(headers, CloudEventHeaders.TENANT_ID, tenantId.toString());
        }
        header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        return headers;
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Created on the first window with uses: a service whose keys are never used opens no producer. */
    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            // a broker that is away must not hold the scheduler thread (or shutdown) for the default minute
            current = KafkaClients.producer(kafka, "api-usage-" + service + "-" + UUID.randomUUID(), Duration.ofSeconds(5),
                    Map.of(ProducerConfig.LINGER_MS_CONFIG, 5));
            producer = current;
        }
        return current;
    }
}
