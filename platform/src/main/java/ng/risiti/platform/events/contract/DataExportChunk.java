package ng.risiti.platform.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * One slice of one service's file in a data export (type {@code data_export.chunk}, key = export id): {@code records} is
 * a JSON array of rows, at most {@code risiti.data-export.chunk-bytes} of them, numbered from 0 per file by {@code seq}.
 */
@RegisterForReflection
public record DataExportChunk(UUID exportId, String service, String file, int seq, JsonNode records) {
}
