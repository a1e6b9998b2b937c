package ng.risiti.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import ng.risiti.launcher.LocalStack;
import ng.risiti.launcher.Routes;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local stack for every system test class of the run: started by the first class that needs it, stopped when the
 * whole run ends. Starting and stopping it was a minute per class. Each test works in tenants of its own, so what one
 * class leaves behind is invisible to the next. Stopping it is checked too: no process of the stack is left, and no
 * service logged an ERROR while it stopped.
 */
final class SharedStack implements BeforeAllCallback {

    private static LocalStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(SharedStack.class, ignored -> new Running(start()), Running.class);
    }

    /** The running stack; only inside a class extended with {@code @ExtendWith(SharedStack.class)}. */
    static LocalStack stack() {
        assertThat(stack).as("the shared stack (is the class annotated @ExtendWith(SharedStack.class)?)").isNotNull();
        return stack;
    }

    private static LocalStack start() {
        Path root = Path.of(System.getProperty("risiti.root", "..")).toAbsolutePath().normalize();
        Path state = Path.of(System.getProperty("risiti.state", "target/risiti-state")).toAbsolutePath().normalize();
        freshState(state);
        long t = System.nanoTime();
        // Fails at once, with the busy ports named, if another stack (or anything) holds 8080-8086, 8090 or 9092/9093.
        stack = LocalStack.start(root, state);
        System.out.printf(Locale.ROOT, "[system test] stack up in %.1fs%n", (System.nanoTime() - t) / 1e9);
        return stack;
    }

    /**
     * Every run starts from empty databases and an empty Kafka (logs start over too). Refuses if a process of an
     * earlier run still uses the directory (a test JVM that was killed outright).
     */
    private static void freshState(Path state) {
        String marker = state.toString();
        List<ProcessHandle> stale = ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .toList();
        assertThat(stale).as("processes of an earlier run still use %s; stop them first:%s", state, LocalStack.describe(stale))
                .isEmpty();
        for (String dir : List.of("data", "logs", "pids")) {
            deleteRecursively(state.resolve(dir));
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** Closed by JUnit when the run's root context closes, after the last class. */
    private record Running(LocalStack stack) implements AutoCloseable {

        @Override
        public void close() {
            Map<String, Long> logged = new LinkedHashMap<>();
            Routes.SERVICES.forEach(service -> logged.put(service, size(stack.log(service))));
            long t = System.nanoTime();
            stack.close();
            System.out.printf(Locale.ROOT, "[system test] stack stopped in %.1fs%n", (System.nanoTime() - t) / 1e9);
            assertThat(stack.leftovers()).as("processes of the stack still running after it stopped:%s",
                    LocalStack.describe(stack.leftovers())).isEmpty();
            List<String> errors = new ArrayList<>();
            logged.forEach((service, from) -> linesAfter(stack.log(service), from).stream()
                    .filter(line -> line.contains(" ERROR ")).forEach(line -> errors.add(service + ": " + line)));
            assertThat(errors).as("ERROR lines the services logged while they stopped").isEmpty();
        }

        private static long size(Path log) {
            try {
                return Files.exists(log) ? Files.size(log) : 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static List<String> linesAfter(Path log, long offset) {
            try {
                byte[] all = Files.readAllBytes(log);
                return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset), StandardCharsets.UTF_8)
                        .lines().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
