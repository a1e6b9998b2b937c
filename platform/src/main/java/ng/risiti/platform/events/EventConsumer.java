package ng.risiti.platform.events;

import io.smallrye.mutiny.Uni;

/**
 * What a service does with the events of one channel. The class also declares the channel's
 * {@code @Incoming(CHANNEL)} method, which hands each poll's records to {@link Consumers#deliver}: the platform parses
 * them, records each event in the inbox and applies it in one transaction, retries what fails for a moment, and
 * dead-letters what can never pass.
 */
public interface EventConsumer {

    /** The channel this consumer reads: the name of its {@code mp.messaging.incoming.<channel>.*} configuration. */
    String channel();

    /**
     * Applies one event, inside the transaction that also records it in the inbox (so it is applied once). Events
     * this consumer has no use for are simply not acted on. Throw {@link PermanentEventFailure} for an event that
     * can never be applied.
     */
    Uni<Void> apply(IncomingEvent event);

    /**
     * Whether this consumer acts on events of {@code type} at all. Events it has no use for are skipped without a
     * transaction or an inbox row (nrs-gateway-service reads every invoice event but acts on finalized ones only).
     */
    default boolean wants(String type) {
        return true;
    }

    /** How many events share one transaction; 1 where applying one is already a large piece of work. */
    default int eventsPerTransaction() {
        return 100;
    }

    /** Whether the transaction reads one consistent snapshot (repeatable read), as an export of many tables must. */
    default boolean snapshot() {
        return false;
    }
}
