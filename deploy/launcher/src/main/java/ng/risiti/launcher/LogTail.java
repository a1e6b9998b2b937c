package ng.risiti.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/** Follows a log file from an offset, printing whole lines; and reads the last lines of one. */
final class LogTail {

    private final Path file;
    private long offset;
    private final StringBuilder partial = new StringBuilder();

    LogTail(Path file, long offset) {
        this.file = file;
        this.offset = offset;
    }

    static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Prints whatever complete lines were appended since the last call. */
    void pump(PrintStream out) {
        if (!Files.exists(file)) {
            return;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long len = raf.length();
            if (len < offset) {
                offset = 0; // truncated
            }
            if (len == offset) {
                return;
            }
            byte[] buf = new byte[(int) Math.min(len - offset, 1 << 20)];
            raf.seek(offset);
            raf.readFully(buf);
            offset += buf.length;
            partial.append(new String(buf, StandardCharsets.UTF_8));
            int nl;
            while ((nl = partial.indexOf("\n")) >= 0) {
                out.println(partial.substring(0, nl));
                partial.delete(0, nl + 1);
            }
            out.flush();
        } catch (IOException e) {
            // the file may be rotating; try again next time
        }
    }

    static List<String> lastLines(Path file, int n) {
        if (!Files.exists(file)) {
            return List.of();
        }
        Deque<String> last = new ArrayDeque<>(n + 1);
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.forEach(l -> {
                last.addLast(l);
                if (last.size() > n) {
                    last.removeFirst();
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
        return List.copyOf(last);
    }
}
