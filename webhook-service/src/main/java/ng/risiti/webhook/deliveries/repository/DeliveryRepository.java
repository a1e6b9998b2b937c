package ng.risiti.webhook.deliveries.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import ng.risiti.platform.observability.Traces;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.persistence.JsonRows;
import ng.risiti.platform.persistence.SessionSql;
import ng.risiti.webhook.deliveries.domain.AttemptOutcome;
import ng.risiti.webhook.deliveries.domain.ClaimedDelivery;

/**
 * Deliveries and their attempt log. The fan-out runs in the intake's transaction (its Hibernate session); the
 * dispatcher works on the pool directly, one short transaction per claim and per outcome, across tenants (each row
 * carries its tenant and world; endpoints are only ever looked up through their delivery).
 */
@ApplicationScoped
public class DeliveryRepository {

    /**
     * One row per endpoint of an event's tenant and world that subscribes to it, for every event of $1 at once:
     * pending for an active endpoint, skipped (logged, never sent) for a paused one. An event taken in twice adds nothing.
     */
    private static final String FAN_OUT = """
            insert into webhook_deliveries (id, endpoint_id, tenant_id, test_mode, event_id, event_type, payload, status, attempts,
                max_attempts, next_attempt_at, created_at, completed_at, trace_parent)
            select gen_random_uuid(), e.id, e.tenant_id, e.test_mode, x.event_id, x.event_type, x.payload,
                   case when e.status = 'active' then 'pending' else 'skipped' end, 0, $2::integer,
                   case when e.status = 'active' then x.queued_at end, x.queued_at,
                   case when e.status = 'active' then null else x.queued_at end, x.trace_parent
            from json_to_recordset($1::text::json) as x(event_id text, event_type text, payload text, tenant_id uuid, test_mode boolean,
                queued_at timestamptz, trace_parent text)
            join webhook_endpoints e on e.tenant_id = x.tenant_id and e.test_mode = x.test_mode
                and (x.event_type = any(e.events) or '*' = any(e.events))
            on conflict (endpoint_id, event_id) do nothing""";
    private static final List<String> FANNED_OUT = List.of("event_id", "event_type", "payload", "tenant_id", "test_mode", "queued_at",
            "trace_parent");

    /**
     * Takes due pending deliveries of active endpoints, skipping rows another dispatcher is claiming now, at most $3 per
     * endpoint counting those already in flight, and leases them until $2. Counting the attempt here means a
     * dispatcher that dies mid-send still used it. The lock is on candidate rows only; those not taken are released
     * when the claim commits.
     */
    /** The advisory lock claims take turns on ("wh-claim" in ASCII). */
    private static final long CLAIM_LOCK = 0x77682d636c61696dL;

    private static final String CLAIM = """
            with candidates as (
                select d.id, d.endpoint_id, d.next_attempt_at from webhook_deliveries d
                where d.status = 'pending' and d.next_attempt_at <= $1
                order by d.next_attempt_at limit $5
                for update of d skip locked),
            ranked as (
                select c.id, c.endpoint_id,
                       row_number() over (partition by c.endpoint_id order by c.next_attempt_at, c.id) as position,
                       (select count(*) from webhook_deliveries f
                        where f.endpoint_id = c.endpoint_id and f.status = 'pending' and f.leased_until > $1) as in_flight
                from candidates c join webhook_endpoints e on e.id = c.endpoint_id and e.status = 'active'),
            chosen as (
                select id from ranked where position + in_flight <= $3 order by position limit $4)
            update webhook_deliveries d set attempts = d.attempts + 1, next_attempt_at = $2, leased_until = $2
            from chosen, webhook_endpoints e
            where d.id = chosen.id and e.id = d.endpoint_id
            returning d.id, d.endpoint_id, d.event_id, d.event_type, d.payload, d.attempts, d.max_attempts, e.url, e.secret, d.trace_parent""";

    private final Pool pool;

    public DeliveryRepository(Pool pool) {
        this.pool = pool;
    }

    /** An event to deliver: queued at {@code queuedAt}, its attempts continuing the trace {@code traceParent}. */
    public record Delivered(UUID tenantId, boolean testMode, String eventId, String type, String payload, OffsetDateTime queuedAt,
            String traceParent) {
    }

    /** In the caller's transaction: the deliveries of received events, in one statement; how many rows it wrote. */
    public Uni<Integer> fanOut(List<Delivered> events, int maxAttempts) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return SessionSql.update(FAN_OUT, JsonRows.of(FANNED_OUT, events.stream().map(event -> new Object[] {event.eventId(), event.type(),
                event.payload(), event.tenantId(), event.testMode(), event.queuedAt(), event.traceParent()}).toList()), maxAttempts);
    }

    /** In the caller's transaction: queues one delivery to one endpoint (a {@code webhook.test}, in the request's trace); its id. */
    public Uni<UUID> queue(UUID endpointId, UUID tenantId, boolean testMode, String eventId, String type, String payload,
            OffsetDateTime now, int maxAttempts) {
        return SessionSql.value(UUID.class, """
                insert into webhook_deliveries (id, endpoint_id, tenant_id, test_mode, event_id, event_type, payload, status, attempts,
                    max_attempts, next_attempt_at, created_at, trace_parent)
                values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, 'pending', 0, $8, $7, $7, $9) returning id""",
                endpointId, tenantId, testMode, eventId, type, payload, now, maxAttempts, Traces.currentParent());
    }

    /**
     * Before a claim: deliveries pending for endpoints paused since are skipped; those whose last claim never reported
     * back (their dispatcher died) after their last allowed attempt fail rather than being tried once more.
     */
    public Uni<Void> settle(OffsetDateTime now) {
        return pool.withTransaction(client -> client.preparedQuery("""
                        update webhook_deliveries d set status = 'skipped', next_attempt_at = null, leased_until = null, completed_at = $1
                        from webhook_endpoints e
                        where d.endpoint_id = e.id and e.status = 'paused' and d.status = 'pending'
                          and (d.leased_until is null or d.leased_until <= $1)""").execute(Tuple.of(now))
                .flatMap(ignored -> client.preparedQuery("""
                        update webhook_deliveries set status = 'failed', next_attempt_at = null, leased_until = null, completed_at = $1,
                            last_error = 'Gave up after ' || attempts || ' attempts; the last one never reported back.'
                                || coalesce(' Before it: ' || last_error, '')
                        where status = 'pending' and attempts >= max_attempts and next_attempt_at <= $1""").execute(Tuple.of(now))))
                .replaceWithVoid();
    }

    public Uni<List<ClaimedDelivery>> claim(OffsetDateTime now, OffsetDateTime leaseUntil, int perEndpoint, int limit) {
        // Claims take turns (a transaction-scoped advisory lock, every replica alike): each counts the leases the
        // claims before it committed, so two at once cannot both fill an endpoint's last slots. A claim is one short
        // statement; the sending happens after it.
        return pool.withTransaction(client -> client.query("select pg_advisory_xact_lock(" + CLAIM_LOCK + ")").execute()
                .flatMap(locked -> client.preparedQuery(CLAIM)
                        .execute(Tuple.from(List.of(now, leaseUntil, perEndpoint, limit, Math.max(limit * 4, 50))))))
                .map(rows -> {
                    List<ClaimedDelivery> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        claimed.add(new ClaimedDelivery(row.getUUID("id"), row.getUUID("endpoint_id"), row.getString("event_id"),
                                row.getString("event_type"), row.getString("payload"), row.getInteger("attempts"),
                                row.getInteger("max_attempts"), row.getString("url"), row.getBuffer("secret").getBytes(),
                                row.getString("trace_parent")));
                    }
                    return claimed;
                });
    }

    /**
     * Logs the attempt and settles the delivery: succeeded, failed (attempts used up), or due again at {@code retryAt}.
     * Only while the row still holds this attempt (0 rows: a newer claim took it; its outcome stands). The endpoint's
     * failing streak starts at its first failure after a success and ends at any success.
     */
    public Uni<Integer> record(ClaimedDelivery delivery, OffsetDateTime at, AttemptOutcome outcome, OffsetDateTime retryAt) {
        return pool.withTransaction(client -> client.preparedQuery("""
                        insert into webhook_attempts (id, delivery_id, attempt, attempted_at, status_code, latency_ms, response_excerpt, error)
                        values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7)""")
                .execute(Tuple.from(java.util.Arrays.asList(delivery.id(), delivery.attempts(), at, outcome.statusCode(), outcome.latencyMs(),
                        outcome.responseExcerpt(), outcome.error())))
                .flatMap(ignored -> settle(client, delivery, at, outcome, retryAt))
                .call(changed -> changed == 0 ? Uni.createFrom().voidItem() : streak(client, delivery.endpointId(), at, outcome.succeeded())));
    }

    private static Uni<Integer> settle(SqlClient client, ClaimedDelivery delivery, OffsetDateTime at, AttemptOutcome outcome,
            OffsetDateTime retryAt) {
        String status = outcome.succeeded() ? "succeeded" : retryAt == null ? "failed" : "pending";
        return client.preparedQuery("""
                        update webhook_deliveries set status = $3::text, next_attempt_at = $4::timestamptz, leased_until = null, last_status_code = $5,
                            last_error = $6, completed_at = case when $3::text = 'pending' then null else $7::timestamptz end
                        where id = $1 and attempts = $2 and status = 'pending'""")
                .execute(Tuple.from(java.util.Arrays.asList(delivery.id(), delivery.attempts(), status,
                        outcome.succeeded() ? null : retryAt, outcome.statusCode(), outcome.summary(), at)))
                .map(rows -> rows.rowCount());
    }

    private static Uni<Void> streak(SqlClient client, UUID endpointId, OffsetDateTime at, boolean succeeded) {
        if (succeeded) {
            return client.preparedQuery("update webhook_endpoints set failing_since = null where id = $1 and failing_since is not null")
                    .execute(Tuple.of(endpointId)).replaceWithVoid();
        }
        return client.preparedQuery("update webhook_endpoints set failing_since = $2 where id = $1 and failing_since is null")
                .execute(Tuple.of(endpointId, at)).replaceWithVoid();
    }

    /** Pauses an active endpoint failing since before {@code failingBefore}; the endpoint when this call paused it, else null. */
    public Uni<PausedEndpoint> pauseIfFailingSince(UUID endpointId, OffsetDateTime failingBefore, OffsetDateTime now, String reason) {
        return pool.preparedQuery("""
                        update webhook_endpoints set status = 'paused', paused_reason = $4, updated_at = $3
                        where id = $1 and status = 'active' and failing_since <= $2
                        returning id, tenant_id, test_mode, url, failing_since""")
                .execute(Tuple.of(endpointId, failingBefore, now, reason)).map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new PausedEndpoint(row.getUUID("id"), row.getUUID("tenant_id"), row.getBoolean("test_mode"), row.getString("url"),
                            row.getOffsetDateTime("failing_since"));
                });
    }

    /** An endpoint the service paused, and since when it had been failing. */
    public record PausedEndpoint(UUID id, UUID tenantId, boolean testMode, String url, OffsetDateTime failingSince) {
    }

    /** A delivery of the endpoint, with its attempts; null when the endpoint has no such delivery. */
    public Uni<DeliveryRow> find(UUID endpointId, UUID deliveryId) {
        return pool.preparedQuery(SELECT + " where d.endpoint_id = $1 and d.id = $2").execute(Tuple.of(endpointId, deliveryId))
                .flatMap(rows -> rows.size() == 0 ? Uni.createFrom().nullItem() : withAttempts(List.of(row(rows.iterator().next())))
                        .map(List::getFirst));
    }

    /** The endpoint's deliveries, newest first, with their attempts; {@code after} is the last row's position. */
    public Uni<List<DeliveryRow>> page(UUID endpointId, PageRequest page) {
        Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> rows;
        if (page.after("created_at") != null) {
            rows = pool.preparedQuery(SELECT + " where d.endpoint_id = $1 and (d.created_at, d.id) < ($2, $3) order by d.created_at desc, d.id desc limit $4")
                    .execute(Tuple.of(endpointId, OffsetDateTime.parse(page.after("created_at")), UUID.fromString(page.after("id")),
                            page.fetchSize()));
        } else {
            rows = pool.preparedQuery(SELECT + " where d.endpoint_id = $1 order by d.created_at desc, d.id desc limit $2")
                    .execute(Tuple.of(endpointId, page.fetchSize()));
        }
        return rows.flatMap(set -> {
            List<DeliveryRow> found = new ArrayList<>();
            set.forEach(row -> found.add(row(row)));
            return withAttempts(found);
        });
    }

    /**
     * A manual retry: the delivery is due now for one more attempt, whatever it was. Refused (0) while it is pending,
     * as it is then already on its way.
     */
    public Uni<Integer> retryNow(UUID endpointId, UUID deliveryId, OffsetDateTime now) {
        return SessionSql.update("""
                update webhook_deliveries set status = 'pending', next_attempt_at = $3, leased_until = null,
                    max_attempts = attempts + 1, completed_at = null
                where endpoint_id = $1 and id = $2 and status <> 'pending'""", endpointId, deliveryId, now);
    }

    /** In the caller's session: the delivery's status, event type and event id, or null when the endpoint has no such delivery. */
    public Uni<String[]> statusOf(UUID endpointId, UUID deliveryId) {
        return SessionSql.rows("select status, event_type, event_id from webhook_deliveries where endpoint_id = $1 and id = $2",
                endpointId, deliveryId).map(rows -> rows.isEmpty() ? null
                        : new String[] {(String) rows.getFirst()[0], (String) rows.getFirst()[1], (String) rows.getFirst()[2]});
    }

    private static final String SELECT = """
            select d.id, d.event_id, d.event_type, d.status, d.attempts,
                   -- while an attempt is under way the row's next time is its lease, not a retry
                   case when d.leased_until > now() then null else d.next_attempt_at end as next_attempt_at,
                   d.last_status_code, d.last_error,
                   d.created_at, d.completed_at
            from webhook_deliveries d""";

    private static DeliveryRow row(Row row) {
        return new DeliveryRow(row.getUUID("id"), row.getString("event_id"), row.getString("event_type"), row.getString("status"),
                row.getInteger("attempts"), row.getOffsetDateTime("next_attempt_at"), row.getInteger("last_status_code"),
                row.getString("last_error"), row.getOffsetDateTime("created_at"), row.getOffsetDateTime("completed_at"), new ArrayList<>());
    }

    private Uni<List<DeliveryRow>> withAttempts(List<DeliveryRow> deliveries) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().item(deliveries);
        }
        UUID[] ids = deliveries.stream().map(DeliveryRow::id).toArray(UUID[]::new);
        return pool.preparedQuery("""
                        select delivery_id, attempt, attempted_at, status_code, latency_ms, response_excerpt, error
                        from webhook_attempts where delivery_id = any($1) order by attempted_at, attempt""")
                .execute(Tuple.of(ids)).map(rows -> {
                    java.util.Map<UUID, DeliveryRow> byId = new java.util.HashMap<>();
                    deliveries.forEach(delivery -> byId.put(delivery.id(), delivery));
                    for (Row row : rows) {
                        byId.get(row.getUUID("delivery_id")).attempts().add(new AttemptRow(row.getInteger("attempt"),
                                row.getOffsetDateTime("attempted_at"), row.getInteger("status_code"), row.getInteger("latency_ms"),
                                row.getString("response_excerpt"), row.getString("error")));
                    }
                    return deliveries;
                });
    }

    /** A delivery as its log shows it. */
    public record DeliveryRow(UUID id, String eventId, String eventType, String status, int attemptCount, OffsetDateTime nextAttemptAt,
            Integer lastStatusCode, String lastError, OffsetDateTime createdAt, OffsetDateTime completedAt, List<AttemptRow> attempts) {
    }

    public record AttemptRow(int attempt, OffsetDateTime attemptedAt, Integer statusCode, int latencyMs, String responseExcerpt, String error) {
    }
}
