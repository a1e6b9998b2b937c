package ng.risiti.platform.events.contract;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A tenant asked for everything Risiti holds about it (docs/specification.md, Data export). Value of a {@code risiti.data-exports.v1}
 * record (key = export id, type {@code data_export.requested}); every service answers on {@code risiti.data-export-parts.v1}.
 */
@RegisterForReflection
public record DataExportRequested(UUID exportId, UUID tenantId, OffsetDateTime requestedAt) {
}
