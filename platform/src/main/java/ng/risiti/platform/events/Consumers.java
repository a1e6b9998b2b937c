package ng.risiti.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import ng.risiti.platform.concurrent.InOrder;
import ng.risiti.platform.config.ConsumerConfig;
import ng.risiti.platform.observability.ConsumerMetrics;
import ng.risiti.platform.observability.Traces;
import ng.risiti.platform.persistence.SessionSql;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * How every consumer applies events, so none is ever dropped or applied twice:
 * <ul>
 * <li>each poll's events are recorded in the inbox and applied in one transaction (a redelivered event is skipped);
 * if that transaction fails, the events are applied one at a time to find the one that fails;</li>
 * <li>a failure that may pass (database away, timeout, and anything not known to be permanent) is retried with
 * capped backoff until it succeeds, holding the channel back so no later event overtakes it; after
 * {@code stuckAfter} the consumer reports itself stuck (health degraded, one ERROR line);</li>
 * <li>a {@link PermanentEventFailure} goes to {@code <topic>.dlq.<group>} with the error, counted and logged once at
 * ERROR, and the channel moves on.</li>
 * </ul>
 */
@ApplicationScoped
public class Consumers {

    /** A channel retrying one event: what health shows. */
    public record Stuck(String channel, String eventId, String eventType, Instant since, int attempts, String error) {
    }

    private static final Logger LOG = Logger.getLogger(Consumers.class);

    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final ConsumerConfig config;
    private final Config mpConfig;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Traces traces;
    private final Map<String, Stuck> stuck = new ConcurrentHashMap<>();
    private final Map<String, Instant> delivering = new ConcurrentHashMap<>();
    private final Map<String, Boolean> reportedStuck = new ConcurrentHashMap<>();
    /** Channel and event id of events retried without a warning so far: each failure was {@link EventTooEarly}. */
    private final Set<String> quietRetries = ConcurrentHashMap.newKeySet();
    /** Each channel's group, read once: a config lookup per transaction was 2% of a consuming service's CPU. */
    private final Map<String, String> groups = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public Consumers(Inbox inbox, DeadLetters deadLetters, ConsumerConfig config, Config mpConfig, Clock clock, MeterRegistry metrics,
            Traces traces) {
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.config = config;
        this.mpConfig = mpConfig;
        this.clock = clock;
        this.metrics = metrics;
        this.traces = traces;
    }

    void stop(@Observes ShutdownEvent ignored) {
        stopping = true;
    }

    /** The consumer group of a channel: the inbox's name for it, and part of its dead-letter topic's. */
    public String group(String channel) {
        return groups.computeIfAbsent(channel, name -> mpConfig.getValue("mp.messaging.incoming." + name + ".group.id", String.class));
    }

    public String topic(String channel) {
        return mpConfig.getOptionalValue("mp.messaging.incoming." + channel + ".topic", String.class).orElse(channel);
    }

    /** Applies one poll's records in order; completes only when every record is applied or dead-lettered. */
    public Uni<Void> deliver(EventConsumer consumer, Iterable<ConsumerRecord<String, String>> records) {
        List<Supplier<Uni<Void>>> steps = new ArrayList<>();
        List<Parsed> group = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() == null) {
                continue; // a tombstone on a compacted topic: nothing to apply
            }
            try {
                IncomingEvent event = IncomingEvent.from(record);
                if (!consumer.wants(event.type())) {
                    continue;
                }
                group.add(new Parsed(record, event));
            } catch (PermanentEventFailure failure) {
                steps.add(applyTogether(consumer, List.copyOf(group)));
                group.clear();
                steps.add(() -> deadLetter(consumer, record, null, failure));
                continue;
            }
            if (group.size() >= consumer.eventsPerTransaction()) {
                steps.add(applyTogether(consumer, List.copyOf(group)));
                group.clear();
            }
        }
        steps.add(applyTogether(consumer, List.copyOf(group)));
        String channel = consumer.channel();
        delivering.put(channel, clock.instant());
        return InOrder.run(steps, Supplier::get).onTermination().invoke(() -> delivering.remove(channel));
    }

    /** Runs one event once more, outside any channel (an operator's dead-letter replay): one attempt, no retries. */
    public Uni<Boolean> applyOnce(EventConsumer consumer, IncomingEvent event) {
        String group = group(consumer.channel());
        return Panache.withTransaction(() -> isolation(consumer).chain(() -> inbox.claim(group, List.of(event)))
                .flatMap(fresh -> fresh.isEmpty() ? Uni.createFrom().item(false) : apply(consumer, event).replaceWith(true)));
    }

    /** Channels retrying an event right now. */
    public List<Stuck> stuck() {
        return List.copyOf(stuck.values());
    }

    /**
     * Channels whose current poll has been in delivery longer than {@code stuckAfter} without retrying anything: a
     * poll that never finishes (a bug) shows here instead of silently holding its partitions.
     */
    public Map<String, Instant> hung() {
        Instant horizon = clock.instant().minus(config.stuckAfter());
        Map<String, Instant> hung = new java.util.TreeMap<>();
        delivering.forEach((channel, since) -> {
            if (since.isBefore(horizon) && !stuck.containsKey(channel)) {
                hung.put(channel, since);
            }
        });
        return hung;
    }

    public Duration stuckAfter() {
        return config.stuckAfter();
    }

    private record Parsed(ConsumerRecord<String, String> record, IncomingEvent event) {
    }

    private Supplier<Uni<Void>> applyTogether(EventConsumer consumer, List<Parsed> events) {
        return () -> {
            if (events.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            String group = group(consumer.channel());
            List<IncomingEvent> batch = events.stream().map(Parsed::event).toList();
            Uni<Void> together = Panache.withTransaction(() -> isolation(consumer).chain(() -> inbox.claim(group, batch))
                    .flatMap(fresh -> consumer instanceof BulkEventConsumer bulk ? applyAll(bulk, fresh)
                            : InOrder.run(fresh, event -> apply(consumer, event))));
            if (events.size() == 1) {
                return together.onFailure().recoverWithUni(failure -> afterFailure(consumer, events.getFirst(), 1, null, failure));
            }
            // one of them failed: find it, applying each on its own (the inbox skips those that are done)
            return together.onFailure(failure -> !stopping)
                    .recoverWithUni(failure -> InOrder.run(events, parsed -> applyAlone(consumer, parsed, 1, null)));
        };
    }

    private Uni<Void> applyAlone(EventConsumer consumer, Parsed parsed, int attempt, Instant since) {
        String group = group(consumer.channel());
        return Panache.withTransaction(() -> isolation(consumer).chain(() -> inbox.claim(group, List.of(parsed.event())))
                        .flatMap(fresh -> fresh.isEmpty() ? Uni.createFrom().voidItem() : apply(consumer, parsed.event())))
                .invoke(() -> recovered(consumer, parsed.event(), attempt, since))
                .onFailure().recoverWithUni(failure -> afterFailure(consumer, parsed, attempt, since, failure));
    }

    private Uni<Void> afterFailure(EventConsumer consumer, Parsed parsed, int attempt, Instant since, Throwable failure) {
        if (permanent(failure)) {
            recovered(consumer, parsed.event(), 0, since);
            return deadLetter(consumer, parsed.record(), parsed.event(), failure);
        }
        if (stopping) {
            return Uni.createFrom().failure(failure);
        }
        Instant first = since != null ? since : clock.instant();
        retrying(consumer, parsed.event(), attempt, first, failure);
        return later(backoff(attempt)).chain(() -> applyAlone(consumer, parsed, attempt + 1, first));
    }

    private Uni<Void> deadLetter(EventConsumer consumer, ConsumerRecord<String, String> record, IncomingEvent event, Throwable failure) {
        String group = group(consumer.channel());
        String topic = TopicProvisioner.deadLetterTopic(record.topic(), group);
        LOG.errorf(failure, "Event %s (%s) at %s/%d@%d can never be applied by %s: %s. Sent to %s; list and replay it with "
                        + "GET /internal/dead-letters.", event == null ? "?" : event.id(), event == null ? "?" : event.type(),
                record.topic(), record.partition(), record.offset(), group, failure.getMessage(), topic);
        ConsumerMetrics.deadLetters(metrics, consumer.channel(), group).increment();
        return sendDeadLetter(consumer, record, group, failure, 1);
    }

    /** The dead letter must reach Kafka before the record is acknowledged: retried like any transient failure. */
    private Uni<Void> sendDeadLetter(EventConsumer consumer, ConsumerRecord<String, String> record, String group, Throwable failure,
            int attempt) {
        return deadLetters.send(record, group, failure).onFailure(ignored -> !stopping).recoverWithUni(sendFailure -> {
            LOG.warnf("Could not write a dead letter to Kafka (attempt %d): %s", attempt, sendFailure.getMessage());
            return later(backoff(attempt)).chain(() -> sendDeadLetter(consumer, record, group, failure, attempt + 1));
        });
    }

    private void retrying(EventConsumer consumer, IncomingEvent event, int attempt, Instant since, Throwable failure) {
        String channel = consumer.channel();
        stuck.put(channel, new Stuck(channel, event.id(), event.type(), since, attempt, failure.toString()));
        Counter.builder("risiti.consumer.retries").tag("channel", channel).description("Attempts to apply an event that failed")
                .register(metrics).increment();
        boolean early = tooEarly(failure);
        String retry = channel + "/" + event.id();
        if (attempt == 1 && early) {
            quietRetries.add(retry);
            LOG.debugf("%s holds event %s (%s) until what it needs arrives: %s", channel, event.id(), event.type(), failure.getMessage());
        } else if (attempt == 1 || (!early && quietRetries.remove(retry))) { // a quiet one failing otherwise warns now
            LOG.warnf("%s could not apply event %s (%s) and retries it until it succeeds: %s", channel, event.id(), event.type(),
                    failure.toString());
        } else if (Duration.between(since, clock.instant()).compareTo(config.stuckAfter()) >= 0
                && reportedStuck.putIfAbsent(channel, Boolean.TRUE) == null) {
            LOG.errorf(failure, "%s is stuck: event %s (%s) has failed %d times since %s; later events of its partitions wait. "
                    + "Health reports it degraded until it succeeds.", channel, event.id(), event.type(), attempt, since);
        }
    }

    private void recovered(EventConsumer consumer, IncomingEvent event, int attempt, Instant since) {
        if (since == null) {
            return;
        }
        String channel = consumer.channel();
        stuck.remove(channel);
        boolean wasReported = reportedStuck.remove(channel) != null;
        boolean quiet = quietRetries.remove(channel + "/" + event.id()) && !wasReported;
        if (attempt > 0) {
            LOG.logf(quiet ? Logger.Level.DEBUG : Logger.Level.INFO, "%s applied event %s after %d attempts (%d s)", channel, event.id(),
                    attempt, Duration.between(since, clock.instant()).toSeconds());
        }
    }

    /** The consumer's work on one event, in a span continuing the trace of the transaction that wrote it. */
    private Uni<Void> apply(EventConsumer consumer, IncomingEvent event) {
        if (consumer instanceof BulkEventConsumer bulk) {
            return applyAll(bulk, List.of(event));
        }
        return traces.consuming(event.traceParent(), event.topic(), event.type(), event.id(), () -> consumer.apply(event));
    }

    /** The events' work at once, each event in a consumer span of its own that its queued work continues. */
    private Uni<Void> applyAll(BulkEventConsumer consumer, List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> {
            List<Traces.Consuming> spans = events.stream()
                    .map(event -> traces.startConsuming(event.traceParent(), event.topic(), event.type(), event.id())).toList();
            List<IncomingEvent> traced = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                traced.add(events.get(i).continuing(spans.get(i).traceParent()));
            }
            return consumer.applyAll(traced)
                    .onTermination().invoke((ignored, failure, cancelled) -> spans.forEach(span -> span.end(failure)));
        });
    }

    /** Must be the transaction's first statement. */
    private static Uni<Void> isolation(EventConsumer consumer) {
        if (!consumer.snapshot()) {
            return Uni.createFrom().voidItem();
        }
        return SessionSql.update("set transaction isolation level repeatable read").replaceWithVoid();
    }

    private Duration backoff(int attempt) {
        long millis = config.firstBackoff().toMillis() * (1L << Math.min(20, attempt - 1));
        return Duration.ofMillis(Math.min(millis, config.maxBackoff().toMillis()));
    }

    /** Anything not known to be permanent is retried: a bug then holds its partition (visibly) instead of losing events. */
    static boolean permanent(Throwable failure) {
        return causedBy(failure, PermanentEventFailure.class);
    }

    static boolean tooEarly(Throwable failure) {
        return causedBy(failure, EventTooEarly.class);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Completes after {@code delay} back on the caller's Vert.x context, where the next transaction must run. */
    private static Uni<Void> later(Duration delay) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().voidItem().onItem().delayIt().by(delay);
        }
        return Uni.createFrom().emitter(emitter -> context.owner().setTimer(Math.max(1, delay.toMillis()),
                id -> context.runOnContext(ignored -> emitter.complete(null))));
    }
}
