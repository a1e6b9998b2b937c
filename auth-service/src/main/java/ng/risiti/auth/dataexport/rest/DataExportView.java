package ng.risiti.auth.dataexport.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An export's status. {@code download_url} is there while the export is ready (no sign-in needed to use it: keep it
 * private); {@code services} shows which services have answered.
 */
public record DataExportView(UUID id, String status, UUID requestedBy, OffsetDateTime requestedAt, OffsetDateTime completedAt,
        OffsetDateTime expiresAt, String downloadUrl, Long sizeBytes, String sha256, String failureReason,
        List<ServiceAnswer> services) {

    /** {@code status}: waiting, done or failed; {@code records}: how many the service sent. */
    public record ServiceAnswer(String service, String status, Long records) {
    }
}
