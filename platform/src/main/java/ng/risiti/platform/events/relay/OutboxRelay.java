package ng.risiti.platform.events.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import ng.risiti.platform.config.OutboxConfig;
import ng.risiti.platform.events.TopicProvisioner;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka, on a thread of its own (never a Vert.x event loop), in three separate
 * steps: read a batch (one statement), publish it in one Kafka transaction, mark it published (one statement). No
 * database transaction is open while it waits for Kafka.
 *
 * <ul>
 * <li>One relay per service publishes at a time (the {@link RelayLease}); a zombie is fenced by Kafka.</li>
 * <li>A row that fails by itself (too large, topic refused) backs off and after a few attempts is parked, with its
 * error, holding back only the later events of its own aggregate; the rest keep flowing.</li>
 * <li>While Kafka or PostgreSQL is away the relay backs off and holds nothing but the next batch in memory.</li>
 * <li>It polls: every {@code pollMin} while events arrive (at once again after a full batch), backing off to
 * {@code pollMax} when idle; an event written in this process ({@link #expectEvents()}) ends the backoff. Never two
 * polls that find events within {@code pollMin}: a wake-up per request would publish one event per Kafka transaction
 * and cost the broker and the database more than the requests did (bench/README.md). A woken poll that finds nothing
 * (the writer has not committed yet) is retried every {@code pollRetry} for up to {@code pollMin}.</li>
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    /** Health and metrics read this; written only by the relay thread. */
    public record Status(boolean leader, Instant lastPublishedAt, Instant failingSince, String lastFailure) {
    }

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long LOCK_ID = 0x7269736974690001L;
    private static final int PRUNE_SLICE = 5000;

    private final OutboxRows rows;
    private final OutboxConfig config;
    private final TopicProvisioner topics;
    private final Map<String, Object> kafka;
    private final RelayLease lease;
    private final String service;
    private final String transactionalId;
    private final String markerTopic;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private final AtomicReference<Status> status = new AtomicReference<>(new Status(false, null, null, null));
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final Counter published;
    private final Counter rowFailures;
    private volatile boolean eventsExpected;
    private long lastPollAt = System.nanoTime();
    /** Until when (nanoTime) empty polls are retried at poll-retry: a woken poll found nothing yet. */
    private long retryUntil = System.nanoTime();
    private volatile boolean stopping;
    private volatile Thread thread;
    private RelayProducer producer;

    public OutboxRelay(OutboxRows rows, OutboxConfig config, TopicProvisioner topics, Vertx vertx, MeterRegistry metrics,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String databaseUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.rows = rows;
        this.config = config;
        this.topics = topics;
        this.kafka = kafka;
        this.service = service;
        this.transactionalId = config.transactionalId().orElse("risiti-outbox-" + service);
        this.markerTopic = TopicProvisioner.relayTopic(service);
        this.lease = new RelayLease(vertx, databaseUrl, username, password, LOCK_ID);
        this.published = Counter.builder("risiti.outbox.published").description("Events the relay published").register(metrics);
        this.rowFailures = Counter.builder("risiti.outbox.row.failures")
                .description("Failures of single outbox rows (record too large, topic refused)").register(metrics);
        Gauge.builder("risiti.outbox.pending", backlog, AtomicLong::get).description("Events waiting to be published")
                .register(metrics);
        Gauge.builder("risiti.outbox.parked", parked, AtomicLong::get).description("Events parked after repeated failures")
                .register(metrics);
        // what the outbox-age alert watches: a relay that stopped (Kafka away, lease lost) shows here before any consumer notices
        Gauge.builder("risiti.outbox.oldest.pending", oldestPending, age -> age.get().toMillis() / 1000.0).baseUnit("seconds")
                .description("How long the oldest event waiting to be published has waited").register(metrics);
    }

    void start(@Observes @Priority(10) StartupEvent ignored) {
        if (!config.relayEnabled()) {
            LOG.warn("Outbox relay is disabled (risiti.outbox.relay-enabled=false): events stay in the outbox");
            return;
        }
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent ignored) {
        stopping = true;
        // Woken, not interrupted: an interrupt that lands while the relay starts or closes a Kafka client makes Kafka log
        // an ERROR ("Interrupted while joining ioThread") at every such stop. Its Kafka calls end within kafka-timeout.
        lock.lock();
        try {
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
        Thread running = thread;
        if (running != null) {
            try {
                if (!running.join(Duration.ofSeconds(10))) {
                    running.interrupt(); // stuck past every timeout of its own
                    running.join(Duration.ofSeconds(2));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
        lease.release();
    }

    /** A transaction of this process wrote events: poll at the quickest rate now (they are visible once it commits). */
    public void expectEvents() {
        eventsExpected = true;
        lock.lock();
        try {
            wakeUp.signal();
        } finally {
            lock.unlock();
        }
    }

    public Status status() {
        return status.get();
    }

    public long backlogSize() {
        return backlog.get();
    }

    public long parkedCount() {
        return parked.get();
    }

    private void run() {
        Duration idle = config.pollMin();
        Duration outage = Duration.ZERO;
        Instant leaseCheckedAt = Instant.EPOCH;
        while (!stopping) {
            try {
                if (!lease.held() || Instant.now().isAfter(leaseCheckedAt.plus(config.leaseCheckInterval()))) {
                    leaseCheckedAt = Instant.now();
                    if (!lease.held() ? !lead() : !lease.stillHeld()) {
                        stepDown();
                        pause(config.leaseCheckInterval());
                        continue;
                    }
                }
                boolean woken = eventsExpected;
                eventsExpected = false;
                lastPollAt = System.nanoTime();
                List<PendingEvent> batch = rows.nextBatch();
                if (batch.isEmpty()) {
                    outage = Duration.ZERO;
                    recovered();
                    // a writer that woke us may not have committed yet: look again shortly, for up to poll-min
                    retryUntil = woken ? lastPollAt + config.pollMin().toNanos() : retryUntil;
                    if (System.nanoTime() - retryUntil < 0) {
                        pauseBriefly(config.pollRetry());
                        continue;
                    }
                    pause(idle);
                    idle = eventsExpected ? config.pollMin() : min(idle.multipliedBy(2), config.pollMax());
                    continue;
                }
                publish(batch);
                outage = Duration.ZERO;
                idle = config.pollMin();
                if (batch.size() < config.batchRows()) {
                    pause(idle); // what was there went out; the next events gather for a moment
                }
            } catch (RelayProducer.Fenced e) {
                LOG.warnf("Outbox relay producer fenced or broken (%s); starting over", e.getMessage());
                closeProducer();
                if (!lease.stillHeld()) {
                    stepDown();
                }
            } catch (RuntimeException e) {
                if (stopping) {
                    break;
                }
                outage = outage.isZero() ? config.pollMin().multipliedBy(10) : min(outage.multipliedBy(2), config.maxOutageBackoff());
                failing(e);
                // Any failure may leave the producer unusable: after a commit that timed out (the broker away), Kafka only
                // lets that commit be retried, so every later abort or send fails and the relay would never publish again.
                // A fresh producer re-initialises the transactional id, which settles the old transaction, and the
                // marker topic tells what of it reached Kafka (startProducer), so nothing goes twice.
                closeProducer();
                pause(outage);
            }
        }
    }

    /** Becomes the leader: fences older relays, then marks what the last batch of any of them published. */
    private boolean lead() {
        if (!lease.tryAcquire()) {
            return false;
        }
        try {
            topics.ensureRelayTopic(markerTopic);
            startProducer();
            LOG.infof("This replica now relays %s's outbox (transactional id %s)", service, transactionalId);
            status.updateAndGet(s -> new Status(true, s.lastPublishedAt(), s.failingSince(), s.lastFailure()));
            return true;
        } catch (RuntimeException e) {
            lease.release();
            throw e;
        }
    }

    private void startProducer() {
        if (producer != null) {
            return;
        }
        RelayProducer started = RelayProducer.start(kafka, transactionalId, markerTopic, service, config.kafkaTimeout());
        try {
            List<UUID> last = started.lastPublishedBatch();
            int marked = rows.markPublished(last);
            if (marked > 0) {
                LOG.infof("%d events of the last batch were in Kafka but not marked published (the previous relay stopped between "
                        + "the two); marked now, not published again", marked);
            }
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        producer = started;
    }

    private void publish(List<PendingEvent> batch) {
        if (producer == null) {
            startProducer();
            // the batch was read before the marker told what the last relay's batch published, and starting just marked
            // those: read again, or they would go twice (a FaultBenchmark run did that when Kafka died mid-commit)
            batch = rows.nextBatch();
            if (batch.isEmpty()) {
                return;
            }
        }
        RelayProducer.Outcome outcome = producer.publish(batch);
        if (!outcome.published().isEmpty()) {
            markPublished(outcome.published());
            published.increment(outcome.published().size());
            status.updateAndGet(s -> new Status(true, Instant.now(), null, null));
        }
        outcome.failed().forEach((event, error) -> {
            rowFailures.increment();
            boolean nowParked = rows.recordFailure(event, error);
            if (nowParked) {
                LOG.errorf("Parked outbox event %s (%s on %s, aggregate %s v%d) after %d attempts: %s. Later events of this aggregate wait "
                        + "until an operator retries it (POST /internal/outbox/%s/retry).", event.id(), event.type(), event.topic(),
                        event.key(), event.aggregateVersion(), event.attempts() + 1, error, event.id());
            } else {
                LOG.warnf("Outbox event %s (%s on %s) failed, attempt %d: %s", event.id(), event.type(), event.topic(), event.attempts() + 1,
                        error);
            }
        });
    }

    /** Kafka has the batch: marking it must not be skipped, or a restart would find it again (the marker covers a crash). */
    private void markPublished(List<UUID> ids) {
        Duration wait = config.pollMin();
        while (true) {
            try {
                rows.markPublished(ids);
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw e;
                }
                failing(e);
                pause(wait);
                wait = min(wait.multipliedBy(2), config.maxOutageBackoff());
            }
        }
    }

    private void stepDown() {
        if (status.get().leader()) {
            LOG.info("This replica no longer relays the outbox");
        }
        closeProducer();
        lease.release();
        status.updateAndGet(s -> new Status(false, s.lastPublishedAt(), s.failingSince(), s.lastFailure()));
    }

    private void closeProducer() {
        RelayProducer current = producer;
        producer = null;
        if (current != null) {
            current.close();
        }
    }

    private void failing(RuntimeException e) {
        Status before = status.get();
        if (before.failingSince() == null) {
            LOG.warnf("Outbox relay cannot publish (%s); retrying with backoff, events wait in the outbox", e.getMessage());
        }
        status.set(new Status(before.leader(), before.lastPublishedAt(),
                before.failingSince() == null ? Instant.now() : before.failingSince(), e.getMessage()));
    }

    private void recovered() {
        Status before = status.get();
        if (before.failingSince() != null) {
            LOG.infof("Outbox relay publishing again after %d s", Duration.between(before.failingSince(), Instant.now()).toSeconds());
            status.set(new Status(before.leader(), before.lastPublishedAt(), null, null));
        }
    }

    /** Waits {@code duration} (a retry after a woken poll found nothing), or until the relay stops. */
    private void pauseBriefly(Duration duration) {
        lock.lock();
        try {
            if (!stopping) {
                wakeUp.awaitNanos(duration.toNanos());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits {@code duration}, or less once events are expected, but never past less than {@code pollMin} since the
     * last poll.
     */
    private void pause(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        long earliest = lastPollAt + config.pollMin().toNanos();
        lock.lock();
        try {
            while (!stopping) {
                long now = System.nanoTime();
                long until = eventsExpected ? earliest : deadline;
                if (now - until >= 0) {
                    break;
                }
                wakeUp.awaitNanos(until - now);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Backlog figures for health and metrics, off the relay thread. */
    @Scheduled(every = "${risiti.outbox.backlog-check-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measureBacklog() {
        try {
            OutboxRows.Backlog now = rows.backlog();
            backlog.set(now.pending());
            parked.set(now.parked());
            oldestPending.set(now.oldestPendingAge());
        } catch (RuntimeException e) {
            LOG.debugf("Outbox backlog not measured: %s", e.getMessage());
        }
    }

    private final AtomicReference<Duration> oldestPending = new AtomicReference<>(Duration.ZERO);

    public Duration oldestPendingAge() {
        return oldestPending.get();
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prunePublished() {
        int deleted;
        do {
            deleted = rows.prunePublished(PRUNE_SLICE);
        } while (deleted == PRUNE_SLICE && !stopping);
    }
}
