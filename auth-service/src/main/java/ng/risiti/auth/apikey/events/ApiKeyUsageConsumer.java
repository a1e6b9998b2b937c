package ng.risiti.auth.apikey.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import ng.risiti.auth.apikey.repository.ApiKeyRepository;
import ng.risiti.platform.events.CloudEventHeaders;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.contract.ApiKeyUsed;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps {@code api_keys.last_used_at} from {@code risiti.api-usage.v1}: every service replica publishes one
 * {@code api_key.used} per key and flush window, and each poll of them becomes ONE statement
 * ({@link ApiKeyRepository#recordLastUse}), whatever the number of requests behind it.
 */
@ApplicationScoped
public class ApiKeyUsageConsumer {

    public static final String CHANNEL = "api-usage";
    private static final Logger LOG = Logger.getLogger(ApiKeyUsageConsumer.class);

    private final ApiKeyRepository keys;
    private final ObjectMapper json;
    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong rowsUpdated = new AtomicLong();

    public ApiKeyUsageConsumer(ApiKeyRepository keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onUsage(ConsumerRecords<String, String> records) {
        Map<UUID, OffsetDateTime> latest = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() == null || !EventTypes.API_KEY_USED.equals(type(record))) {
                continue;
            }
            try {
                ApiKeyUsed used = json.readValue(record.value(), ApiKeyUsed.class);
                if (used.keyId() != null && used.lastUsedAt() != null) {
                    OffsetDateTime at = used.lastUsedAt().atOffset(ZoneOffset.UTC);
                    latest.merge(used.keyId(), at, (a, b) -> a.isAfter(b) ? a : b);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Skipping unreadable API key usage record at offset %d: %s", record.offset(), e.getMessage());
            }
        }
        if (latest.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = latest.keySet().toArray(UUID[]::new);
        OffsetDateTime[] times = new OffsetDateTime[ids.length];
        for (int i = 0; i < ids.length; i++) {
            times[i] = latest.get(ids[i]);
        }
        statements.incrementAndGet();
        return keys.recordLastUse(ids, times)
                .invoke(rowsUpdated::addAndGet)
                .onFailure().invoke(failure -> LOG.warnf("Could not record last use of %d API keys: %s", ids.length, failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private static String type(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(CloudEventHeaders.TYPE);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** UPDATE statements run since start (one per poll that carried usage). */
    public long statements() {
        return statements.get();
    }

    /** Rows those statements changed. */
    public long rowsUpdated() {
        return rowsUpdated.get();
    }
}
