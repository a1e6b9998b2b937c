package ng.risiti.platform.testapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import ng.risiti.platform.events.BulkEventConsumer;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.events.PermanentEventFailure;
import ng.risiti.platform.persistence.JsonRows;
import ng.risiti.platform.persistence.SessionSql;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Writes a poll's notes into {@code batched_notes} in one statement, as the services' bulk consumers do, failing on
 * demand ({@link ConsumerFaults}) after the write, so the whole batch's rows and inbox rows roll back together.
 */
@ApplicationScoped
public class NoteBatchConsumer implements BulkEventConsumer {

    public static final String CHANNEL = "note-batches";

    private final Consumers consumers;
    private final ConsumerFaults faults;
    private final ObjectMapper json;
    private final AtomicInteger largestBatch = new AtomicInteger();

    public NoteBatchConsumer(Consumers consumers, ConsumerFaults faults, ObjectMapper json) {
        this.consumers = consumers;
        this.faults = faults;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return consumers.deliver(this, records);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    /** The most events one call of {@link #applyAll} has had. */
    public int largestBatch() {
        return largestBatch.get();
    }

    @Override
    public Uni<Void> applyAll(List<IncomingEvent> events) {
        largestBatch.accumulateAndGet(events.size(), Math::max);
        List<Object[]> rows = new ArrayList<>(events.size());
        List<String> texts = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            String text = event.data(json, JsonNode.class).path("text").asText();
            if (faults.refused(text)) {
                throw new PermanentEventFailure("notes saying '" + text + "' are refused");
            }
            texts.add(text);
            rows.add(new Object[] {event.id(), event.key(), text, event.aggregateVersion()});
        }
        return SessionSql.update("""
                        insert into batched_notes (event_id, note_key, text, version)
                        select event_id, note_key, text, version from json_populate_recordset(null::batched_notes, $1::text::json)""",
                        JsonRows.of(List.of("event_id", "note_key", "text", "version"), rows))
                .invoke(() -> {
                    for (String text : texts) {
                        if (faults.failsNow(text)) {
                            throw new IllegalStateException("a transient failure applying '" + text + "'");
                        }
                    }
                })
                .replaceWithVoid();
    }
}
