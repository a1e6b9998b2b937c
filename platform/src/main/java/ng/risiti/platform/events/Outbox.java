package ng.risiti.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import ng.risiti.platform.request.UuidV7;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records an event in the caller's transaction; {@link OutboxRelay} publishes it after commit. Call it inside
 * the {@code @WithTransaction} that makes the change, so the change and its event commit or vanish together.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final String source;

    public Outbox(ObjectMapper json, @ConfigProperty(name = "quarkus.application.name") String application) {
        this.json = json;
        this.source = "/risiti/" + application;
    }

    /**
     * @param key the aggregate id: Kafka's partition key, so one aggregate's events stay ordered
     * @param data serialized with the service's JSON conventions (snake_case)
     */
    public Uni<OutboxEvent> emit(String topic, String type, String key, UUID tenantId, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.id = UuidV7.next();
        event.topic = topic;
        event.type = type;
        event.partitionKey = key;
        event.subject = key;
        event.source = source;
        event.tenantId = tenantId;
        event.occurredAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        try {
            event.data = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("event data is not serializable", e));
        }
        return event.persist();
    }
}
