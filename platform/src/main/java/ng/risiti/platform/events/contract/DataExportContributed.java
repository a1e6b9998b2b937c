package ng.risiti.platform.events.contract;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;

/**
 * A service finished its part of a data export (type {@code data_export.contributed}, key = export id), after all of
 * its chunks. {@code failure} is set, and {@code files} empty, when it could not export.
 */
@RegisterForReflection
public record DataExportContributed(UUID exportId, String service, List<File> files, String failure) {

    /** A file the service sent: how many records, in how many chunks. */
    @RegisterForReflection
    public record File(String name, long records, int chunks) {
    }

    public int chunks() {
        return files.stream().mapToInt(File::chunks).sum();
    }
}
