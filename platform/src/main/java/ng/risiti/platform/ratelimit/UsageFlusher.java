package ng.risiti.platform.ratelimit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import ng.risiti.platform.error.UniqueViolation;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.Outbox;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.events.contract.ApiCallsMetered;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every {@code risiti.rate-limit.flush-interval} (500 ms) writes the API-key calls this replica accepted, one
 * {@code api_calls.metered} event per tenant, key and minute, into this service's outbox in one transaction: durable
 * at-least-once delivery to billing, which charges each event id once. Each event's id is derived from this
 * replica, the flush and the count, and a batch whose commit failed is written again with the same ids: if the first
 * commit did happen after all, the outbox's primary key refuses the copy and the batch counts as written.
 */
@ApplicationScoped
public class UsageFlusher {

    private static final Logger LOG = Logger.getLogger(UsageFlusher.class);

    private record Pending(UUID id, UsageMeter.Count count) {
    }

    private final UsageMeter meter;
    private final Outbox outbox;
    private final RateLimitConfig config;
    private final String service;
    private ScheduledExecutorService timer;
    private final String replica = UUID.randomUUID().toString();
    private long flushes;
    private List<Pending> retry = List.of();

    public UsageFlusher(UsageMeter meter, Outbox outbox, RateLimitConfig config,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.meter = meter;
        this.outbox = outbox;
        this.config = config;
        this.service = service;
    }

    void start(@Observes StartupEvent ignored) {
        // a thread of its own rather than @Scheduled, which runs nothing more often than once a second: the interval
        // is most of the time a tenant whose credits ran out can still call (ADR 0013)
        long every = config.flushInterval().toMillis();
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("usage-flusher").factory());
        timer.scheduleWithFixedDelay(this::flushNow, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void flushNow() {
        long expired = meter.expire(System.nanoTime() - config.billingCountTimeout().toNanos());
        if (expired > 0) {
            LOG.warnf("%d metered API calls written out more than %s ago are still not in billing's entitlements; no longer held"
                    + " against their tenants (billing-service down or behind?)", expired, config.billingCountTimeout());
        }
        try {
            VertxContextSupport.subscribeAndAwait(this::flush);
        } catch (Throwable e) {
            LOG.debugf("Usage flush failed: %s", e.getMessage());
        }
    }

    /**
     * Writes a batch not yet written, else what was drained since; completes once it is committed or kept for the next
     * try. A retried batch goes alone, so a refused copy never takes newer counts down with it.
     */
    public synchronized Uni<Void> flush() {
        List<Pending> batch = retry;
        retry = List.of();
        if (batch.isEmpty()) {
            long flush = ++flushes;
            batch = new ArrayList<>();
            for (UsageMeter.Count count : meter.drain()) {
                String seed = replica + ":" + flush + ":" + count.tenancy().tenantId() + ":" + count.tenancy().test() + ":" + count.keyId()
                        + ":" + count.minute();
                batch.add(new Pending(UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)), count));
            }
        }
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Pending> written = batch;
        return Panache.withTransaction(() -> write(written, 0))
                .onFailure(UniqueViolation::in).recoverWithNull()
                .invoke(() -> written.forEach(pending -> meter.written(pending.count(), pending.id().toString(), System.nanoTime())))
                .onFailure().invoke(failure -> {
                    LOG.warnf("Metered API calls not written yet (%d counts, the next flush retries them): %s", written.size(),
                            failure.getMessage());
                    keepForRetry(written);
                })
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private synchronized void keepForRetry(List<Pending> batch) {
        retry = batch;
    }

    private Uni<Void> write(List<Pending> batch, int index) {
        if (index == batch.size()) {
            return Uni.createFrom().voidItem();
        }
        UsageMeter.Count count = batch.get(index).count();
        ApiCallsMetered event = new ApiCallsMetered(count.tenancy().tenantId(), count.tenancy().test(), count.keyId(), count.minuteStart(),
                count.count(), service, replica);
        return outbox.emit(batch.get(index).id(), Topics.API_USAGE, EventTypes.API_CALLS_METERED, count.tenancy().tenantId().toString(),
                count.tenancy(), event).chain(() -> write(batch, index + 1));
    }
}
