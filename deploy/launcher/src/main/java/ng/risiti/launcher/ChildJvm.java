package ng.risiti.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/** A Quarkus app run as {@code java <opts> -jar quarkus-run.jar}, output appended to its log, pid recorded. */
final class ChildJvm {

    private final String name;
    private final Process process;
    private final Path log;
    private final Path pidFile;

    private ChildJvm(String name, Process process, Path log, Path pidFile) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
    }

    /**
     * @param cdsArchive where the JVM keeps its dynamic CDS archive, or null for none
     * @param marker added as {@code -Drisiti-local-stack=<marker>} so {@code down} can find strays by command line
     */
    static ChildJvm start(String name, Path jar, List<String> jvmOpts, Map<String, String> env, Path log, Path pidFile,
                          String marker, Path cdsArchive) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOpts);
        if (cdsArchive != null) {
            forgetStaleArchive(cdsArchive, jar);
            // JDK 19+: the first run writes a class-data archive at exit, later runs map it (faster start);
            // a rebuilt jar invalidates it and the JVM silently writes a new one.
            cmd.add("-XX:+AutoCreateSharedArchive");
            cmd.add("-Xlog:cds=off");
            cmd.add("-Xlog:cds+dynamic=off");
            cmd.add("-XX:SharedArchiveFile=" + cdsArchive);
        }
        // not "risiti.*": services validate that prefix against their @ConfigMapping and would refuse to start
        cmd.add("-Drisiti-local-stack=" + marker);
        cmd.add("-jar");
        cmd.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "==== " + Instant.now() + " starting " + name + ": " + String.join(" ", cmd) + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .directory(jar.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            pb.environment().remove("JDK_JAVA_OPTIONS");
            pb.environment().putAll(env);
            Process p = pb.start();
            Files.writeString(pidFile, Long.toString(p.pid()));
            return new ChildJvm(name, p, log, pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + jar + ")", e);
        }
    }

    /** Polls {@code healthUrl} until 2xx; fails early if the process exits. */
    void awaitHealthy(String healthUrl, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + " before it was ready");
            }
            if (Probes.httpOk(healthUrl)) {
                return;
            }
            sleep(150);
        }
        throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + "s (" + healthUrl + ")");
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Once it exited: its exit code (128 + n after signal n). */
    OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /**
     * A JVM whose archive no longer matches its jar runs without one and, on JDK 25, writes no new one at exit either
     * (only a missing archive is created), so a rebuild would leave every later start uncached. Delete it first.
     */
    private static void forgetStaleArchive(Path cdsArchive, Path jar) {
        try {
            if (Files.exists(cdsArchive)
                    && Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(cdsArchive)) > 0) {
                Files.delete(cdsArchive);
            }
        } catch (IOException e) {
            // no archive is only a slower start
        }
    }

    Path log() {
        return log;
    }

    /** SIGTERM (Quarkus shuts down gracefully), then SIGKILL after the grace period. */
    void stop(Duration grace) {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // down will clean it
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
