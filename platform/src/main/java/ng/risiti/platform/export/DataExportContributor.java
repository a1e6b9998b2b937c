package ng.risiti.platform.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.EventConsumer;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.events.Outbox;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.events.contract.DataExportChunk;
import ng.risiti.platform.events.contract.DataExportContributed;
import ng.risiti.platform.events.contract.DataExportRequested;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Every service's answer to a data export request: the rows its {@link TenantData} names, read in one repeatable-read
 * transaction (a consistent snapshot) and written to the outbox in that same transaction as chunks followed by a
 * {@code data_export.contributed} summary, so the relay publishes all of it or none, in order. The inbox makes a
 * redelivered request a no-op; what fails for a moment is retried by {@link Consumers}; data that can never be
 * exported (a row too large for a chunk) is answered with a failure, so the export fails at once instead of waiting
 * for its timeout.
 */
@ApplicationScoped
public class DataExportContributor implements EventConsumer {

    public static final String CHANNEL = "data-export-requests";
    private static final Logger LOG = Logger.getLogger(DataExportContributor.class);
    private static final int PAGE_ROWS = 500;
    /** Kafka refuses records over 1 MB (producer max.request.size); one row this big fails the export, never the relay. */
    private static final int MAX_ROW_BYTES = 900 * 1024;

    private final Instance<TenantData> declared;
    private final Consumers consumers;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final String service;
    private final int chunkBytes;

    public DataExportContributor(Instance<TenantData> declared, Consumers consumers, Outbox outbox, ObjectMapper json,
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "risiti.data-export.chunk-bytes", defaultValue = "262144") int chunkBytes) {
        this.declared = declared;
        this.consumers = consumers;
        this.outbox = outbox;
        this.json = json;
        this.service = service;
        this.chunkBytes = chunkBytes;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return consumers.deliver(this, records);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    /** Each request is a large piece of work with a snapshot of its own. */
    @Override
    public int eventsPerTransaction() {
        return 1;
    }

    @Override
    public boolean snapshot() {
        return true;
    }

    @Override
    public boolean wants(String type) {
        return EventTypes.DATA_EXPORT_REQUESTED.equals(type);
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        DataExportRequested request = event.data(json, DataExportRequested.class);
        return contribute(request).onFailure(TooLargeToExport.class).recoverWithUni(failure -> {
            LOG.errorf("Could not export tenant %s's data for export %s: %s", request.tenantId(), request.exportId(), failure.getMessage());
            return contributed(request, List.of(), service + " could not export its data: " + failure.getMessage());
        });
    }

    /** Data that no retry will ever fit into a chunk. */
    private static final class TooLargeToExport extends RuntimeException {
        TooLargeToExport(String message) {
            super(message);
        }
    }

    private Uni<Void> contribute(DataExportRequested request) {
        List<ExportedTable> tables = declared.stream().flatMap(data -> data.tables().stream()).toList();
        List<DataExportContributed.File> files = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ExportedTable table : tables) {
            chain = chain.flatMap(ignored -> new FileWriter(request, table).write()).invoke(files::add).replaceWithVoid();
        }
        return chain.flatMap(ignored -> {
            LOG.infof("Exported %d files (%d records) of tenant %s for export %s", files.size(),
                    files.stream().mapToLong(DataExportContributed.File::records).sum(), request.tenantId(), request.exportId());
            return contributed(request, files, null);
        });
    }

    private Uni<Void> contributed(DataExportRequested request, List<DataExportContributed.File> files, String failure) {
        return outbox.emit(Topics.DATA_EXPORT_PARTS, EventTypes.DATA_EXPORT_CONTRIBUTED, request.exportId().toString(),
                request.tenantId(), new DataExportContributed(request.exportId(), service, files, failure)).replaceWithVoid();
    }

    /** Pages through one table's rows and emits them in chunks of about {@code chunkBytes}. */
    private final class FileWriter {

        private final DataExportRequested request;
        private final ExportedTable table;
        private final List<String> pending = new ArrayList<>();
        private int pendingBytes;
        private int seq;
        private long records;

        FileWriter(DataExportRequested request, ExportedTable table) {
            this.request = request;
            this.table = table;
        }

        Uni<DataExportContributed.File> write() {
            return page(0).replaceWith(() -> new DataExportContributed.File(table.file(), records, seq));
        }

        private Uni<Void> page(int offset) {
            String sql = "select row_to_json(t)::text from (" + table.query() + " offset " + offset + " limit " + PAGE_ROWS + ") t";
            return Panache.getSession()
                    .flatMap(session -> session.createNativeQuery(sql, String.class).setParameter(1, request.tenantId()).getResultList())
                    .flatMap(rows -> {
                        Uni<Void> emitted = Uni.createFrom().voidItem();
                        for (String row : rows) {
                            int bytes = row.getBytes(StandardCharsets.UTF_8).length;
                            if (bytes > MAX_ROW_BYTES) {
                                return Uni.createFrom().failure(new TooLargeToExport(
                                        "a row of " + table.file() + " is " + bytes + " bytes, over the " + MAX_ROW_BYTES + " a chunk can carry"));
                            }
                            if (!pending.isEmpty() && pendingBytes + bytes > chunkBytes) {
                                List<String> full = drain();
                                emitted = emitted.flatMap(ignored -> emitChunk(full));
                            }
                            pending.add(row);
                            pendingBytes += bytes + 1;
                            records++;
                        }
                        if (rows.size() == PAGE_ROWS) {
                            return emitted.flatMap(ignored -> page(offset + PAGE_ROWS));
                        }
                        if (pending.isEmpty()) {
                            return emitted;
                        }
                        List<String> last = drain();
                        return emitted.flatMap(ignored -> emitChunk(last));
                    });
        }

        private List<String> drain() {
            List<String> rows = List.copyOf(pending);
            pending.clear();
            pendingBytes = 0;
            return rows;
        }

        /** The rows go out as they are (already JSON), written straight to the outbox, so memory stays at one chunk. */
        private Uni<Void> emitChunk(List<String> rows) {
            var records = json.getNodeFactory().rawValueNode(new RawValue("[" + String.join(",", rows) + "]"));
            var chunk = new DataExportChunk(request.exportId(), service, table.file(), seq++, records);
            return outbox.emit(Topics.DATA_EXPORT_PARTS, EventTypes.DATA_EXPORT_CHUNK, request.exportId().toString(), request.tenantId(), chunk);
        }
    }
}
