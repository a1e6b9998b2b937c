package ng.risiti.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

final class Pids {

    private Pids() {
    }

    static Optional<Long> read(Path file) {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(file).stream().findFirst().orElse("").trim();
            return first.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<ProcessHandle> alive(Path file) {
        return read(file).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    }

    static void write(Path file, long pid) {
        try {
            Files.writeString(file, Long.toString(pid));
        } catch (IOException e) {
            Console.line("warning: cannot write %s: %s", file, e.getMessage());
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
