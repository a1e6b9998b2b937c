package ng.risiti.platform.events.relay;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import ng.risiti.platform.config.OutboxConfig;

/**
 * The relay's statements on {@code outbox_events}. Each runs on its own (autocommit), so no database transaction is
 * ever open while the relay waits for Kafka. Called from the relay's thread, which may block.
 */
@ApplicationScoped
public class OutboxRows {

    /** One row of the parked list an operator sees. */
    public record Parked(UUID id, String topic, String key, String type, long aggregateVersion, int attempts, String lastError,
            java.time.OffsetDateTime parkedAt) {
    }

    /** How many rows wait, how many are parked, and how long the oldest waiting row has waited. */
    public record Backlog(long pending, long parked, Duration oldestPendingAge) {
    }

    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The oldest unpublished rows that may go now, in commit-ish order (seq), capped in rows and in bytes. A row that is
     * backing off or parked holds back the later rows of its aggregate, so no event overtakes an earlier one of the
     * same aggregate.
     */
    private static final String NEXT_BATCH = """
            with candidates as (
                select o.seq, o.id, octet_length(o.data) as bytes
                from outbox_events o
                where o.published_at is null and o.parked_at is null
                  and (o.next_attempt_at is null or o.next_attempt_at <= now())
                  and not exists (
                      select 1 from outbox_events h
                      where h.partition_key = o.partition_key and h.seq < o.seq and h.published_at is null
                        and (h.parked_at is not null or h.next_attempt_at is not null))
                order by o.seq
                limit $1),
            chosen as (
                select id from (
                    select id, sum(bytes) over (order by seq) as running, row_number() over (order by seq) as n from candidates) c
                where running <= $2 or n = 1)
            select o.seq, o.id, o.topic, o.partition_key, o.type, o.source, o.subject, o.tenant_id, o.test_mode, o.occurred_at,
                   o.data, o.aggregate_version, o.attempts, o.trace_parent
            from outbox_events o join chosen using (id)
            order by o.seq""";

    private final Pool pool;
    private final OutboxConfig config;

    public OutboxRows(Pool pool, OutboxConfig config) {
        this.pool = pool;
        this.config = config;
    }

    List<PendingEvent> nextBatch() {
        RowSet<Row> rows = await(pool.preparedQuery(NEXT_BATCH).execute(Tuple.of(config.batchRows(), config.batchBytes())));
        List<PendingEvent> batch = new ArrayList<>(rows.size());
        for (Row row : rows) {
            batch.add(new PendingEvent(row.getLong("seq"), row.getUUID("id"), row.getString("topic"), row.getString("partition_key"),
                    row.getString("type"), row.getString("source"), row.getString("subject"), row.getUUID("tenant_id"),
                    row.getBoolean("test_mode"), row.getOffsetDateTime("occurred_at"), row.getString("data"),
                    row.getLong("aggregate_version"), row.getInteger("attempts"), row.getString("trace_parent")));
        }
        return batch;
    }

    /** Idempotent: a row already marked keeps its first time. Also clears a row's failure bookkeeping. */
    int markPublished(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return await(pool.preparedQuery("""
                        update outbox_events set published_at = now(), next_attempt_at = null
                        where id = any($1) and published_at is null""")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))).rowCount();
    }

    /**
     * Counts a failure that belongs to this row (not to Kafka being away): it backs off, and after
     * {@code maxAttempts} it is parked. Returns whether it is parked now.
     */
    boolean recordFailure(PendingEvent event, String error) {
        int attempts = event.attempts() + 1;
        boolean park = attempts >= config.maxAttempts();
        long backoffMillis = Math.min(config.maxRowBackoff().toMillis(),
                config.rowBackoff().toMillis() * (1L << Math.min(20, attempts - 1)));
        await(pool.preparedQuery("""
                        update outbox_events set attempts = $2, last_error = $3,
                               next_attempt_at = case when $4 then null else now() + make_interval(secs => $5) end,
                               parked_at = case when $4 then now() else null end
                        where id = $1 and published_at is null""")
                .execute(Tuple.of(event.id(), attempts, truncate(error), park, backoffMillis / 1000.0)));
        return park;
    }

    public List<Parked> parked(int limit) {
        RowSet<Row> rows = await(pool.preparedQuery("""
                        select id, topic, partition_key, type, aggregate_version, attempts, last_error, parked_at
                        from outbox_events where parked_at is not null and published_at is null order by seq limit $1""")
                .execute(Tuple.of(limit)));
        List<Parked> parked = new ArrayList<>();
        for (Row row : rows) {
            parked.add(new Parked(row.getUUID("id"), row.getString("topic"), row.getString("partition_key"), row.getString("type"),
                    row.getLong("aggregate_version"), row.getInteger("attempts"), row.getString("last_error"),
                    row.getOffsetDateTime("parked_at")));
        }
        return parked;
    }

    /** An operator's "try again" for a parked row (after fixing the topic, say). Returns whether it was parked. */
    public boolean unpark(UUID id) {
        return await(pool.preparedQuery("""
                        update outbox_events set parked_at = null, next_attempt_at = null, attempts = 0
                        where id = $1 and parked_at is not null and published_at is null""")
                .execute(Tuple.of(id))).rowCount() == 1;
    }

    public Backlog backlog() {
        Row row = await(pool.query("""
                        select count(*) filter (where parked_at is null) as pending,
                               count(*) filter (where parked_at is not null) as parked,
                               coalesce(extract(epoch from now() - min(occurred_at) filter (where parked_at is null)), 0) as oldest
                        from outbox_events where published_at is null""").execute()).iterator().next();
        return new Backlog(row.getLong("pending"), row.getLong("parked"),
                Duration.ofMillis((long) (row.getDouble("oldest") * 1000)));
    }

    /** Deletes published rows older than the retention, a slice at a time so no statement runs long. */
    int prunePublished(int slice) {
        return await(pool.preparedQuery("""
                        delete from outbox_events where ctid = any(array(
                            select ctid from outbox_events where published_at < now() - make_interval(secs => $1) limit $2))""")
                .execute(Tuple.of((double) config.keepPublished().toSeconds(), slice))).rowCount();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
    }

    private static <T> T await(io.smallrye.mutiny.Uni<T> uni) {
        return uni.await().atMost(STATEMENT_TIMEOUT);
    }
}
