package ng.risiti.auth.dataexport.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import ng.risiti.auth.dataexport.config.DataExportConfig;
import ng.risiti.auth.dataexport.domain.DataExport;
import ng.risiti.auth.dataexport.repository.DataExportParts;
import ng.risiti.auth.dataexport.repository.DataExportParts.Contribution;
import ng.risiti.platform.concurrent.Offload;
import ng.risiti.platform.events.contract.DataExportContributed;

/**
 * Builds the export's ZIP from the chunks the services sent: {@code <service>/<file>.json} (a JSON array, one record per
 * line), a {@code manifest.json} with each file's record count and SHA-256, and a README. The archive is written in
 * parts of {@code archive-part-bytes} as it grows, so memory holds one chunk and one part, whatever the export's size.
 */
@ApplicationScoped
public class ArchiveBuilder {

    public static final String FORMAT = "risiti-data-export/1";

    /** What was built: its size and SHA-256, for the status and for the client to check the download. */
    public record Archive(long sizeBytes, String sha256, int parts) {
    }

    @RegisterForReflection
    record Manifest(String format, UUID exportId, UUID tenantId, OffsetDateTime requestedAt, OffsetDateTime generatedAt,
            List<ManifestFile> files) {
    }

    @RegisterForReflection
    record ManifestFile(String path, String service, long records, long bytes, String sha256) {
    }

    private static final String README = """
            Risiti data export
            ==================

            Everything Risiti holds about your business, as the services that hold it keep it, one folder per service and
            one JSON file per kind of record (a JSON array, one record per line). manifest.json lists every file with its
            record count and SHA-256.

            - Amounts named *_kobo are whole kobo (100 kobo = 1 naira); times are ISO 8601 in UTC.
            - Each record appears once, in the service that owns it; copies other services keep for speed are not repeated.
            - Secrets are not exported: password hashes, MFA secrets and backup codes, API key hashes, session and refresh
              tokens, invitation and reset tokens, invoice public-page tokens and private signing keys.

            Questions about this export: privacy@risiti.ng
            """;

    private final DataExportParts parts;
    private final ObjectMapper json;
    private final int partBytes;

    public ArchiveBuilder(DataExportParts parts, ObjectMapper json, DataExportConfig config) {
        this.parts = parts;
        this.json = json;
        this.partBytes = config.archivePartBytes();
    }

    /** Call inside the transaction that marks the export ready: the parts and the status commit together. */
    public Uni<Archive> build(DataExport export, List<Contribution> contributions, OffsetDateTime generatedAt) {
        PartWriter out = new PartWriter(export.id);
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        List<ManifestFile> manifest = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Contribution contribution : contributions) {
            for (DataExportContributed.File file : files(contribution)) {
                chain = chain.flatMap(ignored -> writeFile(zip, out, export.id, contribution.service(), file)).invoke(manifest::add).replaceWithVoid();
            }
        }
        return chain.flatMap(ignored -> {
            Manifest content = new Manifest(FORMAT, export.id, export.tenantId, export.requestedAt, generatedAt, manifest);
            try {
                entry(zip, "manifest.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(content));
                entry(zip, "README.txt", README.getBytes(StandardCharsets.UTF_8));
                zip.finish();
                out.finish();
            } catch (IOException e) {
                return Uni.createFrom().failure(new UncheckedIOException(e));
            }
            return out.store().map(stored -> new Archive(out.size, HexFormat.of().formatHex(out.digest.digest()), stored));
        });
    }

    private Uni<ManifestFile> writeFile(ZipOutputStream zip, PartWriter out, UUID exportId, String service, DataExportContributed.File file) {
        String path = service + "/" + file.name() + ".json";
        MessageDigest digest = sha256();
        long[] bytes = {0};
        Writer writer = content -> {
            byte[] data = content.getBytes(StandardCharsets.UTF_8);
            digest.update(data);
            bytes[0] += data.length;
            zip.write(data);
        };
        try {
            zip.putNextEntry(new ZipEntry(path));
            writer.write(file.chunks() == 0 ? "[]\n" : "[\n");
        } catch (IOException e) {
            return Uni.createFrom().failure(new UncheckedIOException(e));
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int seq = 0; seq < file.chunks(); seq++) {
            int current = seq;
            chain = chain.flatMap(ignored -> parts.chunk(exportId, service, file.name(), current)).flatMap(records -> {
                if (records == null) {
                    return Uni.createFrom().failure(new IllegalStateException(
                            "chunk " + current + " of " + path + " is missing though " + service + " reported " + file.chunks()));
                }
                // compressing a chunk is CPU work: off the event loop, one chunk at a time, so the stream sees one thread at once
                return Offload.run(() -> {
                    try {
                        writer.write(current == 0 ? records : ",\n" + records);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return current;
                }).flatMap(written -> out.store().replaceWithVoid());
            });
        }
        return chain.flatMap(ignored -> {
            try {
                if (file.chunks() > 0) {
                    writer.write("\n]\n");
                }
                zip.closeEntry();
            } catch (IOException e) {
                return Uni.createFrom().failure(new UncheckedIOException(e));
            }
            return Uni.createFrom().item(new ManifestFile(path, service, file.records(), bytes[0], HexFormat.of().formatHex(digest.digest())));
        });
    }

    private List<DataExportContributed.File> files(Contribution contribution) {
        try {
            return json.readValue(contribution.files(), new TypeReference<List<DataExportContributed.File>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable file list from " + contribution.service(), e);
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Writer {
        void write(String content) throws IOException;
    }

    /** Cuts the archive into parts as the ZIP stream writes it; {@link #store()} saves the full ones. */
    private final class PartWriter extends OutputStream {

        private final UUID exportId;
        private final MessageDigest digest = sha256();
        private final List<byte[]> full = new ArrayList<>();
        private ByteArrayOutputStream current = new ByteArrayOutputStream();
        private long size;
        private int stored;

        PartWriter(UUID exportId) {
            this.exportId = exportId;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            digest.update(bytes, offset, length);
            size += length;
            while (length > 0) {
                int room = partBytes - current.size();
                int take = Math.min(room, length);
                current.write(bytes, offset, take);
                offset += take;
                length -= take;
                if (current.size() == partBytes) {
                    full.add(current.toByteArray());
                    current = new ByteArrayOutputStream();
                }
            }
        }

        void finish() {
            if (current.size() > 0) {
                full.add(current.toByteArray());
                current = new ByteArrayOutputStream();
            }
        }

        /** Saves the parts cut so far, in order; returns how many parts are stored in all. */
        Uni<Integer> store() {
            Uni<Void> chain = Uni.createFrom().voidItem();
            List<byte[]> ready = List.copyOf(full);
            full.clear();
            for (byte[] part : ready) {
                int seq = stored++;
                chain = chain.flatMap(ignored -> parts.addArchivePart(exportId, seq, part).replaceWithVoid());
            }
            return chain.map(ignored -> stored);
        }
    }
}
