package ng.risiti.auth.dataexport.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.auth.dataexport.config.DataExportConfig;
import ng.risiti.auth.dataexport.domain.DataExport;
import ng.risiti.auth.dataexport.domain.DataExportStatus;
import ng.risiti.auth.dataexport.events.DataExportEvents;
import ng.risiti.auth.dataexport.repository.DataExportParts;
import ng.risiti.auth.dataexport.repository.DataExportParts.Contribution;
import ng.risiti.auth.dataexport.repository.DataExportRepository;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import ng.risiti.platform.error.UniqueViolation;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.time.Clocks;
import org.jboss.logging.Logger;

/**
 * NDPR data exports as the tenant sees them: a request goes out on {@code risiti.data-exports.v1} in the transaction
 * that records it; {@link DataExportAssembler} builds the archive as the services answer. Sweeps fail exports a service
 * never answered and delete archives whose link has expired.
 */
@ApplicationScoped
public class DataExportService {

    /** An export with what each service has answered so far. */
    public record Progress(DataExport export, List<Contribution> contributions) {
    }

    private static final Logger LOG = Logger.getLogger(DataExportService.class);

    private final DataExportRepository exports;
    private final DataExportParts parts;
    private final DataExportEvents events;
    private final DownloadLinks links;
    private final DataExportMailer mailer;
    private final DataExportConfig config;
    private final Clock clock;

    public DataExportService(DataExportRepository exports, DataExportParts parts, DataExportEvents events, DownloadLinks links,
            DataExportMailer mailer, DataExportConfig config, Clock clock) {
        this.exports = exports;
        this.parts = parts;
        this.events = events;
        this.links = links;
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Progress> request(Caller caller) {
        return Panache.withTransaction(() -> exports.findProcessing(caller.tenantId()).flatMap(running -> {
            if (running != null) {
                return Uni.createFrom().failure(inProgress(running.id));
            }
            DataExport export = new DataExport();
            export.id = UuidV7.next();
            export.tenantId = caller.tenantId();
            export.requestedBy = caller.userId();
            export.status = DataExportStatus.PROCESSING;
            export.services = List.copyOf(config.services());
            export.requestedAt = Clocks.now(clock);
            return exports.persist(export)
                    .call(() -> events.requested(export))
                    .map(ignored -> new Progress(export, List.of()));
        })).onFailure(UniqueViolation::in).transform(ignored -> inProgress(null))
                .invoke(progress -> LOG.infof("Data export %s requested for tenant %s by user %s",
                        progress.export().id, caller.tenantId(), caller.userId()));
    }

    public Uni<Progress> get(Caller caller, UUID id) {
        return Panache.withSession(() -> exports.findInTenant(caller.tenantId(), id).flatMap(export -> export == null
                ? Uni.createFrom().failure(ApiException.notFound("Data export", id))
                : parts.contributions(export.id).map(contributions -> new Progress(export, contributions))));
    }

    /**
     * The export a download link names, if the link is genuine and unexpired. A wrong token and an unknown export read
     * the same, so links cannot be probed; an expired link says so.
     */
    public Uni<DataExport> downloadable(UUID id, String token) {
        return Panache.withSession(() -> exports.findById(id)).flatMap(export -> {
            if (export == null || export.expiresAt == null || !links.accepts(export, token)) {
                return Uni.createFrom().failure(ApiException.notFound("Data export", id));
            }
            if (!export.downloadableAt(Clocks.now(clock))) {
                return Uni.createFrom().failure(new ApiException(ErrorCode.NOT_FOUND,
                        "This download link expired at " + export.expiresAt + "; request a new export."));
            }
            return Uni.createFrom().item(export);
        });
    }

    public Multi<byte[]> archive(UUID id) {
        return parts.archive(id);
    }

    /**
     * Mails the requester the link of an export that is ready in the database: call after the transaction that
     * completed it committed (a rolled-back attempt is not ready). A mail that cannot be sent is logged; the link is
     * still on the export's status.
     */
    public Uni<Void> mailRequester(UUID exportId) {
        return Panache.withSession(() -> exports.findById(exportId).flatMap(export -> export == null || export.status != DataExportStatus.READY
                        ? Uni.createFrom().voidItem()
                        : exports.requester(export).flatMap(user -> user == null ? Uni.createFrom().voidItem()
                                : mailer.ready(export, user.email))))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Could not mail data export %s's link: %s", exportId, failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    /**
     * Exports still waiting for a service after the timeout fail, naming who did not answer. The first sweep waits one
     * interval: 5 s after start, beside the other services' start on a small machine, its first query's cold
     * translation held an event loop for up to 10 s.
     */
    @Scheduled(identity = "data-export-timeouts", every = "${risiti.auth.data-export.sweep-interval:1m}",
            delayed = "${risiti.auth.data-export.sweep-interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> failOverdue() {
        OffsetDateTime before = Clocks.now(clock).minus(config.timeout());
        return Panache.withSession(() -> exports.idsProcessingSince(before)).flatMap(ids -> Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> Panache.withTransaction(() -> exports.findForUpdate(id)
                        .flatMap(export -> export == null || export.status != DataExportStatus.PROCESSING
                                ? Uni.createFrom().voidItem()
                                : parts.contributions(id).flatMap(answered -> {
                                    List<String> silent = export.services.stream()
                                            .filter(service -> answered.stream().noneMatch(c -> c.service().equals(service))).toList();
                                    export.status = DataExportStatus.FAILED;
                                    export.completedAt = Clocks.now(clock);
                                    export.failureReason = "No answer within " + config.timeout().toMinutes() + " minutes from: "
                                            + String.join(", ", silent);
                                    LOG.warnf("Data export %s failed: %s", id, export.failureReason);
                                    return parts.deleteChunks(id).replaceWithVoid();
                                }))))
                .collect().asList().replaceWithVoid());
    }

    /** After the link's 24 hours the archive is deleted; the export stays listed as expired. */
    @Scheduled(identity = "data-export-expiry", every = "${risiti.auth.data-export.sweep-interval:1m}",
            delayed = "${risiti.auth.data-export.sweep-interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> expire() {
        OffsetDateTime now = Clocks.now(clock);
        return Panache.withSession(() -> exports.idsReadyExpiredAt(now)).flatMap(ids -> Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> Panache.withTransaction(() -> exports.findForUpdate(id).flatMap(export -> {
                    if (export == null || export.status != DataExportStatus.READY) {
                        return Uni.createFrom().voidItem();
                    }
                    export.status = DataExportStatus.EXPIRED;
                    LOG.infof("Data export %s expired; its archive is deleted", id);
                    return parts.deleteArchive(id).replaceWithVoid();
                })))
                .collect().asList().replaceWithVoid());
    }

    private static ApiException inProgress(UUID id) {
        return ApiException.conflict("A data export is already being prepared" + (id == null ? "" : " (" + id + ")")
                + "; wait for it to finish before requesting another.");
    }


}
