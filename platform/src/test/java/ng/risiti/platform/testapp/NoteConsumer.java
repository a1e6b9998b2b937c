package ng.risiti.platform.testapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.EventConsumer;
import ng.risiti.platform.events.EventTooEarly;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.events.PermanentEventFailure;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Applies note events into {@code applied_notes}, failing on demand ({@link ConsumerFaults}). */
@ApplicationScoped
public class NoteConsumer implements EventConsumer {

    public static final String CHANNEL = "notes";

    private final Consumers consumers;
    private final ConsumerFaults faults;
    private final ObjectMapper json;

    public NoteConsumer(Consumers consumers, ConsumerFaults faults, ObjectMapper json) {
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

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        String text = event.data(json, JsonNode.class).path("text").asText();
        if (faults.refused(text)) {
            throw new PermanentEventFailure("notes saying '" + text + "' are refused");
        }
        Uni<Void> entity = Uni.createFrom().voidItem();
        if (text.startsWith("entity-")) {
            // as consumers that persist entities do (nrs submissions, webhook events)
            Note note = new Note();
            note.id = java.util.UUID.randomUUID();
            note.tenantId = note.id;
            note.text = text;
            note.createdAt = java.time.OffsetDateTime.now();
            entity = note.persist().replaceWithVoid();
        }
        return entity.chain(() -> Panache.getSession()).flatMap(session -> session.createNativeQuery(
                                "insert into applied_notes (event_id, note_key, text, version) values (?1, ?2, ?3, ?4)")
                        .setParameter(1, event.id()).setParameter(2, event.key()).setParameter(3, text).setParameter(4, event.aggregateVersion())
                        .executeUpdate())
                .invoke(() -> {
                    // fails inside the transaction, after the write: the inbox row and the write must roll back together
                    if (faults.failsNow(text)) {
                        throw new IllegalStateException("a transient failure applying '" + text + "'");
                    }
                    if (faults.tooEarlyNow(text)) {
                        throw new EventTooEarly("what '" + text + "' needs has not arrived yet");
                    }
                })
                .replaceWithVoid();
    }
}
