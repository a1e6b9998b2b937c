package ng.risiti.auth.dataexport.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.auth.dataexport.domain.DataExport;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.Outbox;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.events.contract.DataExportRequested;

/**
 * A new export asks every service for its part: {@code data_export.requested} on {@code risiti.data-exports.v1}
 * (key = export id), written in the transaction that records the export.
 */
@ApplicationScoped
public class DataExportEvents {

    private final Outbox outbox;

    public DataExportEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> requested(DataExport export) {
        return outbox.emit(Topics.DATA_EXPORTS, EventTypes.DATA_EXPORT_REQUESTED, export.id.toString(), export.tenantId,
                new DataExportRequested(export.id, export.tenantId, export.requestedAt));
    }
}
