package ng.risiti.auth.dataexport.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import ng.risiti.auth.dataexport.config.DataExportConfig;
import ng.risiti.auth.dataexport.domain.DataExport;
import ng.risiti.auth.dataexport.domain.DataExportStatus;
import ng.risiti.auth.dataexport.repository.DataExportParts;
import ng.risiti.auth.dataexport.repository.DataExportParts.Contribution;
import ng.risiti.auth.dataexport.repository.DataExportRepository;
import ng.risiti.platform.events.contract.DataExportChunk;
import ng.risiti.platform.events.contract.DataExportContributed;
import ng.risiti.platform.time.Clocks;
import org.jboss.logging.Logger;

/**
 * Collects what the services send for an export and, once every service asked has answered and every chunk it
 * reported is here, builds the archive and marks the export ready, all in one transaction with the last part. A
 * service's failure fails the export. Each step is idempotent, so a redelivered part changes nothing.
 */
@ApplicationScoped
public class DataExportAssembler {

    private static final Logger LOG = Logger.getLogger(DataExportAssembler.class);

    private final DataExportRepository exports;
    private final DataExportParts parts;
    private final ArchiveBuilder archives;
    private final DataExportConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public DataExportAssembler(DataExportRepository exports, DataExportParts parts, ArchiveBuilder archives, DataExportConfig config,
            ObjectMapper json, Clock clock) {
        this.exports = exports;
        this.parts = parts;
        this.archives = archives;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** Call in a transaction. Returns the export if this chunk completed it. */
    public Uni<DataExport> add(DataExportChunk chunk) {
        List<String> records = new ArrayList<>(chunk.records().size());
        for (JsonNode record : chunk.records()) {
            records.add(record.toString());
        }
        return whileProcessing(chunk.exportId(), export -> parts
                .addChunk(export.id, chunk.service(), chunk.file(), chunk.seq(), String.join(",\n", records))
                .flatMap(ignored -> completeIfAnswered(export)));
    }

    /** Call in a transaction. Returns the export if this answer completed it (ready or failed). */
    public Uni<DataExport> add(DataExportContributed contributed) {
        String files;
        try {
            files = json.writeValueAsString(contributed.files());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        long records = contributed.files().stream().mapToLong(DataExportContributed.File::records).sum();
        var contribution = new Contribution(contributed.service(), files, contributed.chunks(), records, contributed.failure());
        return whileProcessing(contributed.exportId(), export -> parts
                .addContribution(export.id, contribution, Clocks.now(clock))
                .flatMap(ignored -> completeIfAnswered(export)));
    }

    /**
     * Applies a part to its export while that still waits for parts, under the export's row lock (the timeout sweep
     * takes the same lock). Parts of an export that failed or is unknown here are dropped, not retried.
     */
    private Uni<DataExport> whileProcessing(UUID exportId, Function<DataExport, Uni<DataExport>> apply) {
        return exports.findForUpdate(exportId).flatMap(export -> {
            if (export == null || export.status != DataExportStatus.PROCESSING) {
                LOG.debugf("Dropped a part of data export %s: %s", exportId, export == null ? "unknown" : export.status.wireName());
                return Uni.createFrom().nullItem();
            }
            return apply.apply(export);
        });
    }

    private Uni<DataExport> completeIfAnswered(DataExport export) {
        return parts.contributions(export.id).flatMap(answers -> {
            List<String> failures = answers.stream().filter(answer -> answer.failure() != null)
                    .map(answer -> answer.service() + ": " + answer.failure()).toList();
            if (!failures.isEmpty()) {
                return fail(export, String.join("; ", failures));
            }
            List<Contribution> asked = answers.stream().filter(answer -> export.services.contains(answer.service())).toList();
            if (asked.size() < export.services.size()) {
                return Uni.createFrom().nullItem();
            }
            long expected = asked.stream().mapToLong(Contribution::chunks).sum();
            return parts.chunkCount(export.id).flatMap(received -> received < expected
                    ? Uni.createFrom().<DataExport>nullItem()
                    : build(export, asked));
        });
    }

    private Uni<DataExport> build(DataExport export, List<Contribution> contributions) {
        var completedAt = Clocks.now(clock);
        return archives.build(export, contributions, completedAt).flatMap(archive -> {
            export.status = DataExportStatus.READY;
            export.completedAt = completedAt;
            export.expiresAt = completedAt.plus(config.linkLifetime());
            export.sizeBytes = archive.sizeBytes();
            export.sha256 = archive.sha256();
            LOG.infof("Data export %s ready: %d records from %d services, %d bytes in %d parts", export.id,
                    contributions.stream().mapToLong(Contribution::records).sum(), contributions.size(), archive.sizeBytes(), archive.parts());
            return parts.deleteChunks(export.id).replaceWith(export);
        });
    }

    private Uni<DataExport> fail(DataExport export, String reason) {
        export.status = DataExportStatus.FAILED;
        export.completedAt = Clocks.now(clock);
        export.failureReason = reason;
        LOG.warnf("Data export %s failed: %s", export.id, reason);
        return parts.deleteChunks(export.id).replaceWith(export);
    }
}
