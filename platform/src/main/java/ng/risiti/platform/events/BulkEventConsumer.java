package ng.risiti.platform.events;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * A consumer whose effect per event is a row or two, written for all of a transaction's events at once: one statement
 * per table instead of one per event. At a moderate rate each poll brings a handful of events, and a round trip per
 * event cost the stack more CPU than the requests that caused them (bench/README.md, InvoiceThroughput at half load).
 * A single event, and each event of a batch that failed (applied alone to find the one that fails), is a batch of one.
 */
public interface BulkEventConsumer extends EventConsumer {

    /**
     * Applies the events in the transaction that records them in the inbox: in their order, none of them seen before
     * by this consumer. Each event's {@link IncomingEvent#traceParent()} is its own consumer span: no span is current
     * while this runs, so work it queues (a webhook delivery) takes the event's.
     */
    Uni<Void> applyAll(List<IncomingEvent> events);

    @Override
    default Uni<Void> apply(IncomingEvent event) {
        return applyAll(List.of(event));
    }
}
