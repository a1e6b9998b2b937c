package ng.risiti.auth.dataexport.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.auth.dataexport.domain.DataExport;
import ng.risiti.auth.dataexport.domain.DataExportStatus;
import ng.risiti.auth.dataexport.service.DataExportService;

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

    /** {@code downloadUrl}: the link while the export can be downloaded, else null. */
    public static DataExportView of(DataExportService.Progress progress, String downloadUrl) {
        DataExport export = progress.export();
        List<ServiceAnswer> services = export.services.stream().map(service -> progress.contributions().stream()
                .filter(answer -> answer.service().equals(service)).findFirst()
                .map(answer -> new ServiceAnswer(service, answer.failure() == null ? "done" : "failed", answer.records()))
                .orElse(new ServiceAnswer(service, export.status == DataExportStatus.PROCESSING ? "waiting" : "no_answer", null)))
                .toList();
        return new DataExportView(export.id, export.status.wireName(), export.requestedBy, export.requestedAt, export.completedAt,
                export.status == DataExportStatus.PROCESSING || export.status == DataExportStatus.FAILED ? null : export.expiresAt,
                downloadUrl, export.sizeBytes, export.sha256, export.failureReason, services);
    }
}
