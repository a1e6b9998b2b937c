package ng.risiti.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;

/**
 * Writes {@code state.json} for one supervisor, whose threads change it at once (components starting in parallel,
 * restarts). Writes are serialised and the snapshot is taken inside the lock, so an older picture never replaces a
 * newer one; each goes to its own temp file in the same directory and is moved over the old file atomically, so a
 * reader ({@code status}, {@code up --detach}) sees the old or the new file, never half of one.
 */
final class StateFile {

    private final Path file;
    private final Object lock = new Object();

    StateFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** @throws IOException only for the caller to report; the previous file is then left as it was */
    void write(Supplier<StackState> snapshot) throws IOException {
        synchronized (lock) {
            StackState state = snapshot.get();
            // owner-only (createTempFile's default): it holds the control token
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
            try {
                StackState.JSON.writeValue(tmp.toFile(), state);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
