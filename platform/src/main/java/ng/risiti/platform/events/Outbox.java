package ng.risiti.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import ng.risiti.platform.events.relay.OutboxRelay;
import ng.risiti.platform.persistence.SessionSql;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Tenancy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records an event in the caller's transaction; {@link OutboxRelay} publishes it after commit. Call it inside
 * the transaction that makes the change, so the change and its event commit or vanish together.
 *
 * <p>Each event gets its aggregate's next version from a per-aggregate counter bumped in the same statement. The
 * counter's row lock makes a second writer of the same aggregate wait for the first to commit, so versions follow
 * commit order and consumers can apply newer-wins.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            with version as (
                insert into outbox_aggregate_versions as v (aggregate, version) values ($1, 1)
                on conflict (aggregate) do update set version = v.version + 1
                returning version)
            insert into outbox_events (id, topic, partition_key, type, source, subject, tenant_id, test_mode, occurred_at, data,
                                       aggregate_version)
            select $2::uuid, $3, $1, $4, $5, $1, $6::uuid, $7::boolean, $8::timestamptz, $9, version.version from version""";

    private final ObjectMapper json;
    private final OutboxRelay relay;
    private final Clock clock;
    private final String source;

    public Outbox(ObjectMapper json, OutboxRelay relay, Clock clock, @ConfigProperty(name = "quarkus.application.name") String application) {
        this.json = json;
        this.relay = relay;
        this.clock = clock;
        this.source = "/risiti/" + application;
    }

    /**
     * An event about a tenant's data in one world (live or test): it carries {@code ce_mode}.
     *
     * @param key the aggregate id: Kafka's partition key, so one aggregate's events stay ordered
     * @param data serialized with the service's JSON conventions (snake_case)
     */
    public Uni<Void> emit(String topic, String type, String key, Tenancy tenancy, Object data) {
        return insert(topic, type, key, tenancy.tenantId(), tenancy.test(), data);
    }

    /** An event about something that is not live or test data (a tenant, a user, an API key, a session). */
    public Uni<Void> emit(String topic, String type, String key, UUID tenantId, Object data) {
        return insert(topic, type, key, tenantId, null, data);
    }

    private Uni<Void> insert(String topic, String type, String key, UUID tenantId, Boolean test, Object data) {
        String body;
        try {
            body = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("event data is not serializable", e));
        }
        OffsetDateTime occurredAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return SessionSql.update(INSERT, key, UuidV7.next(), topic, type, source, tenantId, test, occurredAt, body)
                .invoke(relay::expectEvents)
                .replaceWithVoid();
    }
}
