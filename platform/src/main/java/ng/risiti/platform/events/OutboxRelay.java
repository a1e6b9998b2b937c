package ng.risiti.platform.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.common.annotation.Identifier;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import ng.risiti.platform.config.OutboxConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka (acks=all, idempotent producer) in commit order, then marks them
 * published. It wakes on the {@code risiti_outbox} NOTIFY sent by the insert trigger and also polls, so a
 * restart or a lost notification only delays events. One relay works at a time across replicas (advisory
 * lock), which keeps each aggregate's events in order. A crash between publish and mark re-publishes; the
 * consumers' inbox makes that harmless.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String NOTIFY_CHANNEL = "risiti_outbox";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    private static final long LOCK_ID = 0x7269736974690001L;

    private final Pool pool;
    private final Vertx vertx;
    private final KafkaProducer<String, String> producer;
    private final OutboxConfig config;
    private final String databaseUrl;
    private final Optional<String> username;
    private final Optional<String> password;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile PgSubscriber subscriber;

    public OutboxRelay(Pool pool, Vertx vertx, @Identifier("default-kafka-broker") Map<String, Object> kafka, OutboxConfig config,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String databaseUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.pool = pool;
        this.vertx = vertx;
        this.producer = producer(kafka);
        this.config = config;
        this.databaseUrl = databaseUrl;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.relayEnabled()) {
            LOG.warn("Outbox relay is disabled (risiti.outbox.relay-enabled=false): events stay in the outbox");
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(databaseUrl.replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        PgSubscriber pg = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> retries < 1000 ? 500L : -1L);
        pg.channel(NOTIFY_CHANNEL).handler(payload -> wake());
        pg.connect().subscribe().with(ok -> wake(), failure -> LOG.warnf("LISTEN %s failed, polling only: %s", NOTIFY_CHANNEL, failure.getMessage()));
        subscriber = pg;
    }

    void stop(@Observes ShutdownEvent ignored) {
        stopping.set(true);
        PgSubscriber pg = subscriber;
        if (pg != null) {
            pg.closeAndAwait();
        }
        producer.close(java.time.Duration.ofSeconds(5));
    }

    /** acks=all and idempotence: a record is published once per send even when the producer retries. */
    private static KafkaProducer<String, String> producer(Map<String, Object> kafka) {
        Map<String, Object> config = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (!key.startsWith("group.") && !key.contains("deserializer")) {
                config.put(key, value);
            }
        });
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + java.util.UUID.randomUUID());
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    @Scheduled(every = "${risiti.outbox.poll-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = RelayDisabled.class)
    Uni<Void> poll() {
        wake();
        return Uni.createFrom().voidItem();
    }

    /** Asks for a drain; concurrent requests fold into one more pass. */
    public void wake() {
        if (stopping.get()) {
            return;
        }
        requested.set(true);
        if (!running.compareAndSet(false, true)) {
            return;
        }
        requested.set(false);
        drain().subscribe().with(
                ignored -> finished(),
                failure -> {
                    LOG.warnf("Outbox relay pass failed, will retry: %s", failure.getMessage());
                    finished();
                });
    }

    private void finished() {
        running.set(false);
        if (requested.get()) {
            wake();
        }
    }

    private Uni<Void> drain() {
        return publishBatch().flatMap(count -> count >= BATCH ? drain() : Uni.createFrom().voidItem());
    }

    Uni<Integer> publishBatch() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_try_advisory_xact_lock($1)").execute(Tuple.of(LOCK_ID))
                .flatMap(lock -> lock.iterator().next().getBoolean(0) ? publishLocked(connection) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishLocked(SqlConnection connection) {
        return connection.preparedQuery("""
                        select id, topic, partition_key, type, source, subject, tenant_id, occurred_at, data
                        from outbox_events where published_at is null order by seq limit $1""")
                .execute(Tuple.of(BATCH))
                .flatMap(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    List<Uni<Void>> sends = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getUUID("id"));
                        sends.add(send(row));
                    }
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return Uni.join().all(sends).andFailFast()
                            .flatMap(ignored -> connection
                                    .preparedQuery("update outbox_events set published_at = now() where id = any($1)")
                                    .execute(Tuple.of(ids.toArray(UUID[]::new))))
                            .map(ignored -> ids.size());
                });
    }

    private Uni<Void> send(Row row) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(headers, CloudEventHeaders.ID, row.getUUID("id").toString());
        header(headers, CloudEventHeaders.TYPE, row.getString("type"));
        header(headers, CloudEventHeaders.SOURCE, row.getString("source"));
        header(headers, CloudEventHeaders.TIME, row.getOffsetDateTime("occurred_at").format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        if (row.getString("subject") != null) {
            header(headers, CloudEventHeaders.SUBJECT, row.getString("subject"));
        }
        UUID tenant = row.getUUID("tenant_id");
        if (tenant != null) {
            header(headers, CloudEventHeaders.TENANT_ID, tenant.toString());
        }
        header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        ProducerRecord<String, String> record = new ProducerRecord<>(row.getString("topic"), null,
                row.getString("partition_key"), row.getString("data"), headers);
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        Uni<Void> sent = Uni.createFrom().emitter(emitter -> producer.send(record, (metadata, failure) -> {
            if (failure != null) {
                emitter.fail(failure);
            } else {
                emitter.complete(null);
            }
        }));
        // acks arrive on the producer's I/O thread; continue the transaction on its own Vert.x context
        return context == null ? sent : sent.emitOn(command -> context.runOnContext(v -> command.run()));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Scheduled(every = "1h", delayed = "5m")
    Uni<Void> prunePublished() {
        return pool.query("delete from outbox_events where published_at < now() - interval '7 days'").execute().replaceWithVoid();
    }

    /** Scheduler predicate: skip polling when the relay is switched off. */
    @ApplicationScoped
    public static class RelayDisabled implements Scheduled.SkipPredicate {
        private final OutboxConfig config;

        public RelayDisabled(OutboxConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.relayEnabled();
        }
    }
}
