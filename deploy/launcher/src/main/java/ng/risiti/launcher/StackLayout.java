package ng.risiti.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where things live: the repository root and the state directory (its gitignored {@code .risiti/}, or another
 * directory for a stack that must not disturb the developer's, e.g. the system tests').
 */
record StackLayout(Path root, Path state) {

    StackLayout(Path root) {
        this(root, root.resolve(".risiti"));
    }

    static StackLayout locate() {
        String home = System.getenv("RISITI_HOME");
        if (home != null && !home.isBlank()) {
            return new StackLayout(Path.of(home).toAbsolutePath().normalize());
        }
        try {
            // deploy/launcher/target/<jar or classes> -> repository root
            Path code = Path.of(Risiti.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = code.getParent() == null ? null : code.getParent().getParent();
            if (candidate != null && candidate.getParent() != null && candidate.getParent().getParent() != null) {
                Path root = candidate.getParent().getParent();
                if (isRepoRoot(root)) {
                    return new StackLayout(root.toAbsolutePath().normalize());
                }
            }
        } catch (URISyntaxException | RuntimeException ignored) {
            // fall back to the working directory
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (isRepoRoot(p)) {
                return new StackLayout(p);
            }
        }
        throw new IllegalStateException("cannot find the Risiti repository (a directory with mvnw and deploy/launcher); "
                + "run from inside it or set RISITI_HOME");
    }

    private static boolean isRepoRoot(Path p) {
        return Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("deploy/launcher"));
    }

    Path data() { return state().resolve("data"); }
    Path logs() { return state().resolve("logs"); }
    Path pids() { return state().resolve("pids"); }
    Path log(String name) { return logs().resolve(name + ".log"); }
    Path pidFile(String name) { return pids().resolve(name + ".pid"); }
    Path supervisorPid() { return state().resolve("supervisor.pid"); }
    Path stateFile() { return state().resolve("state.json"); }
    Path launcherLog() { return log("launcher"); }
    Path cds(String name) { return state().resolve("cds").resolve(name + ".jsa"); }

    void createDirectories() {
        try {
            Files.createDirectories(data());
            Files.createDirectories(logs());
            Files.createDirectories(pids());
            Files.createDirectories(state().resolve("cds"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + state(), e);
        }
    }

    /** A path for messages: relative to the repository root when inside it. */
    String show(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }
}
