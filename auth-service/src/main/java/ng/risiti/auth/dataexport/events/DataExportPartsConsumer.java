package ng.risiti.auth.dataexport.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import ng.risiti.auth.dataexport.domain.DataExport;
import ng.risiti.auth.dataexport.domain.DataExportStatus;
import ng.risiti.auth.dataexport.service.DataExportAssembler;
import ng.risiti.auth.dataexport.service.DataExportService;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.EventConsumer;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.events.PermanentEventFailure;
import ng.risiti.platform.events.contract.DataExportChunk;
import ng.risiti.platform.events.contract.DataExportContributed;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every service's part of every export (risiti.data-export-parts.v1, key = export id, so one export's parts arrive in
 * order on one partition), handed to {@link DataExportAssembler}. When a part completes an export, its requester is
 * mailed the link ({@link DataExportService#mailRequester}) once the poll's transactions committed.
 */
@ApplicationScoped
public class DataExportPartsConsumer implements EventConsumer {

    public static final String CHANNEL = "data-export-parts";

    private final Consumers consumers;
    private final DataExportAssembler assembler;
    private final DataExportService exports;
    /** Floats stay exact (quantities, percentages): never through a double. */
    private final ObjectReader reader;
    /** Exports a part completed in this poll; the channel applies one poll at a time. */
    private final Queue<UUID> completed = new ConcurrentLinkedQueue<>();

    public DataExportPartsConsumer(Consumers consumers, DataExportAssembler assembler, DataExportService exports, ObjectMapper json) {
        this.consumers = consumers;
        this.assembler = assembler;
        this.exports = exports;
        this.reader = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return consumers.deliver(this, records).chain(this::mailCompleted);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        Uni<DataExport> applied;
        if (EventTypes.DATA_EXPORT_CHUNK.equals(event.type())) {
            applied = assembler.add(read(event, DataExportChunk.class));
        } else if (EventTypes.DATA_EXPORT_CONTRIBUTED.equals(event.type())) {
            applied = assembler.add(read(event, DataExportContributed.class));
        } else {
            return Uni.createFrom().voidItem();
        }
        return applied.invoke(export -> {
            if (export != null && export.status == DataExportStatus.READY) {
                completed.add(export.id);
            }
        }).replaceWithVoid();
    }

    private <T> T read(IncomingEvent event, Class<T> type) {
        try {
            return reader.readValue(event.data(), type);
        } catch (IOException e) {
            throw new PermanentEventFailure("event " + event.id() + " does not fit " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** After commit: an export is mailed only if it is ready in the database (a rolled-back attempt is not). */
    private Uni<Void> mailCompleted() {
        List<UUID> ids = new ArrayList<>();
        for (UUID id = completed.poll(); id != null; id = completed.poll()) {
            ids.add(id);
        }
        Uni<Void> mails = Uni.createFrom().voidItem();
        for (UUID id : ids.stream().distinct().toList()) {
            mails = mails.chain(() -> exports.mailRequester(id));
        }
        return mails;
    }
}
