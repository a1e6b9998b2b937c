package ng.risiti.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ng.risiti.platform.events.relay.OutboxRelay;
import ng.risiti.platform.observability.Traces;
import ng.risiti.platform.persistence.SessionSql;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Tenancy;
import ng.risiti.platform.time.Clocks;
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

    /** The aggregate's next version; parameters $1..$10 are {@link #eventParameters}. */
    private static final String VERSION = """
            version as (
                insert into outbox_aggregate_versions as v (aggregate, version) values ($1, 1)
                on conflict (aggregate) do update set version = v.version + 1
                returning version)""";

    private static final String EVENT = """
            insert into outbox_events (id, topic, partition_key, type, source, subject, tenant_id, test_mode, occurred_at, data,
                                       aggregate_version, trace_parent)
            select $2::uuid, $3, $1, $4, $5, $1, $6::uuid, $7::boolean, $8::timestamptz, DATA, version.version, $10 from version""";

    private static final String INSERT = "with " + VERSION + "\n" + EVENT.replace("DATA", "$9");

    /** {@link #VERSION} bumped only when the completing write wrote its row. */
    private static final String COMPLETING_VERSION = VERSION.replace("values ($1, 1)", "select $1, 1 from completed");

    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");

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

    /**
     * An event with an id its writer chose, so writing it again (after a commit whose answer was lost) fails on the
     * outbox's primary key instead of publishing it twice: usage metering writes each drained count so.
     */
    public Uni<Void> emit(UUID id, String topic, String type, String key, Tenancy tenancy, Object data) {
        Object[] parameters;
        try {
            parameters = eventParameters(topic, type, key, tenancy.tenantId(), tenancy.test(), data);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        parameters[1] = id;
        return SessionSql.update(INSERT, parameters).invoke(relay::expectEvents).replaceWithVoid();
    }

    /** An event about something that is not live or test data (a tenant, a user, an API key, a session). */
    public Uni<Void> emit(String topic, String type, String key, UUID tenantId, Object data) {
        return insert(topic, type, key, tenantId, null, data);
    }

    /**
     * An event written by the same statement as the write that completes its aggregate; the event's data gets the
     * values of the write's {@link CompletingWrite#eventFields} (serialize {@code data} without them). Outside a
     * transaction the statement commits by itself, with everything in it or nothing.
     *
     * @return the row the write returned, its columns in its order; null when it wrote none (and no event was written)
     */
    public Uni<Object[]> emitCompleting(CompletingWrite write, String topic, String type, String key, Tenancy tenancy, Object data) {
        int offset = write.parameters().size();
        String fields = write.eventFields().stream().map(field -> "'" + field + "', completed." + field)
                .collect(java.util.stream.Collectors.joining(", "));
        // data-modifying CTEs must all be at the top level: the completing write, its companions, the version, the event
        String sql = "with completed as (" + write.sql() + "),\n" + (write.companions().isEmpty() ? "" : write.companions() + ",\n")
                + shifted(COMPLETING_VERSION, offset) + ",\nevent as ("
                + shifted(EVENT, offset).replace("DATA", "($" + (offset + 9) + "::text::jsonb || jsonb_build_object(" + fields + "))::text")
                + ", completed returning 1)\nselect completed.* from completed, event";
        Object[] parameters = write.parameters().toArray(new Object[offset + 10]);
        System.arraycopy(eventParameters(topic, type, key, tenancy.tenantId(), tenancy.test(), data), 0, parameters, offset, 10);
        return SessionSql.rows(sql, parameters).map(rows -> {
            if (rows.isEmpty()) {
                return null;
            }
            relay.expectEvents();
            return rows.getFirst();
        });
    }

    /** {@code sql} with its parameters renumbered to follow {@code offset} others. */
    private static String shifted(String sql, int offset) {
        return PARAMETER.matcher(sql).replaceAll(parameter -> Matcher.quoteReplacement("$" + (Integer.parseInt(parameter.group(1)) + offset)));
    }

    private Uni<Void> insert(String topic, String type, String key, UUID tenantId, Boolean test, Object data) {
        Object[] parameters;
        try {
            parameters = eventParameters(topic, type, key, tenantId, test, data);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        return SessionSql.update(INSERT, parameters).invoke(relay::expectEvents).replaceWithVoid();
    }

    /** Parameters $1..$10 of {@link #INSERT}; $10 is the writer's trace, which the relay passes on to consumers. */
    private Object[] eventParameters(String topic, String type, String key, UUID tenantId, Boolean test, Object data) {
        String body;
        try {
            body = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not serializable", e);
        }
        OffsetDateTime occurredAt = Clocks.now(clock);
        return new Object[] {key, UuidV7.next(), topic, type, source, tenantId, test, occurredAt, body, Traces.currentParent()};
    }
}
