package ng.risiti.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The short-lived commands: {@code up} (client of the supervisor), {@code down}, {@code status}, {@code restart},
 * {@code logs}.
 */
final class Control {

    private final StackLayout layout;
    private final PrintStream out;
    private final PrintStream err;

    Control(StackLayout layout) {
        this(layout, System.out, System.err);
    }

    Control(StackLayout layout, PrintStream out, PrintStream err) {
        this.layout = layout;
        this.out = out;
        this.err = err;
    }

    // ---------------------------------------------------------------------------------------------- up

    int up(boolean detach, Set<String> only) {
        layout.createDirectories();
        var existing = Pids.alive(layout.supervisorPid());
        if (existing.isPresent()) {
            out.printf("risiti: already running (supervisor pid %d); see ./risiti status, stop with ./risiti down%n",
                    existing.get().pid());
            return 1;
        }
        Pids.delete(layout.stateFile());
        Path log = layout.launcherLog();
        long offset = LogTail.size(log);
        List<String> cmd = new ArrayList<>();
        for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(setsid))) {
                cmd.add(setsid); // own session: the terminal's Ctrl-C reaches only us, and we stop things in order
                break;
            }
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(Stack.SUPERVISOR_JVM_OPTS);
        cmd.add("-cp");
        cmd.add(absoluteClasspath());
        cmd.add(Risiti.class.getName());
        cmd.add("supervise");
        if (!only.isEmpty()) {
            cmd.add("--only");
            cmd.add(String.join(",", only));
        }
        Process supervisor;
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .directory(layout.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().put("RISITI_HOME", layout.root().toString());
            supervisor = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the supervisor: " + e.getMessage(), e);
        }
        AtomicBoolean interrupted = new AtomicBoolean();
        Signals.onTermination(() -> {
            if (!interrupted.getAndSet(true)) {
                supervisor.toHandle().destroy();
            }
        });
        LogTail tail = new LogTail(log, offset);
        while (true) {
            tail.pump(out);
            if (!supervisor.isAlive()) {
                tail.pump(out);
                int code = supervisor.exitValue();
                return interrupted.get() ? 0 : code == 0 ? 0 : 1;
            }
            if (detach && !interrupted.get()) {
                var state = StackState.read(layout.stateFile());
                if (state.isPresent() && StackState.READY.equals(state.get().status())) {
                    sleep(100);
                    tail.pump(out);
                    out.printf("risiti: running in the background (supervisor pid %d, log %s); stop with ./risiti down%n",
                            supervisor.pid(), layout.show(log));
                    return 0;
                }
            }
            sleep(200);
        }
    }

    private static String absoluteClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    // ---------------------------------------------------------------------------------------------- down

    int down() {
        var supervisor = Pids.alive(layout.supervisorPid());
        if (supervisor.isPresent()) {
            ProcessHandle sup = supervisor.get();
            out.printf("risiti: stopping the supervisor (pid %d) and everything it started%n", sup.pid());
            LogTail tail = new LogTail(layout.launcherLog(), LogTail.size(layout.launcherLog()));
            sup.destroy();
            long deadline = System.nanoTime() + Stack.SERVICE_STOP_GRACE.plusSeconds(30).toNanos();
            while (sup.isAlive() && System.nanoTime() < deadline) {
                tail.pump(out);
                sleep(200);
            }
            tail.pump(out);
            if (sup.isAlive()) {
                out.printf("  supervisor did not stop within %ds; killing it%n", Stack.SERVICE_STOP_GRACE.plusSeconds(30).toSeconds());
                sup.destroyForcibly();
                waitGone(List.of(sup), Duration.ofSeconds(5));
            }
        } else {
            out.println("risiti: no supervisor running");
        }

        // Whatever the supervisor could not stop (it was killed, or crashed): recorded pids first.
        for (Path pidFile : pidFiles()) {
            String name = pidFile.getFileName().toString().replaceFirst("\\.pid$", "");
            Pids.alive(pidFile).ifPresent(h -> {
                out.printf("  stopping leftover %s (pid %d)%n", name, h.pid());
                terminate(h);
            });
            Pids.delete(pidFile);
        }
        // Then anything whose command line points into this stack's state directory.
        for (ProcessHandle h : strays()) {
            out.printf("  stopping stray pid %d: %s%n", h.pid(), abbreviate(h.info().commandLine().orElse("?")));
            terminate(h);
        }

        List<ProcessHandle> remaining = strays();
        if (!remaining.isEmpty()) {
            out.println("risiti: still running after down:");
            remaining.forEach(h -> out.printf("  pid %d: %s%n", h.pid(), abbreviate(h.info().commandLine().orElse("?"))));
            return 1;
        }
        Pids.delete(layout.supervisorPid());
        Pids.delete(layout.stateFile());
        out.println("risiti: stopped; no process of the local stack is left running");
        return 0;
    }

    private List<Path> pidFiles() {
        if (!Files.isDirectory(layout.pids())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(layout.pids())) {
            return s.filter(p -> p.toString().endsWith(".pid")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Our processes found by command line: children carry the state dir; the supervisor is "Risiti supervise" from this checkout. */
    private List<ProcessHandle> strays() {
        String state = layout.state().toString();
        String root = layout.root().toString();
        long self = ProcessHandle.current().pid();
        Set<Long> ancestors = ProcessHandle.current().parent().stream()
                .flatMap(p -> Stream.iterate(p, h -> h.parent().orElse(null)).takeWhile(h -> h != null))
                .map(ProcessHandle::pid).collect(Collectors.toSet());
        return ProcessHandle.allProcesses()
                .filter(h -> h.pid() != self && !ancestors.contains(h.pid()) && h.isAlive())
                .filter(h -> h.info().commandLine().map(c -> c.contains(state)
                        || c.contains(Risiti.class.getName() + " supervise") && c.contains(root)).orElse(false))
                .toList();
    }

    /** SIGTERM, 10 s grace, then SIGKILL; descendants (e.g. PostgreSQL backends) too. */
    private static void terminate(ProcessHandle h) {
        List<ProcessHandle> family = new ArrayList<>(h.descendants().toList());
        family.addFirst(h);
        h.destroy();
        if (!waitGone(List.of(h), Duration.ofSeconds(10))) {
            family.forEach(ProcessHandle::destroyForcibly);
        }
        family.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        if (!waitGone(family, Duration.ofSeconds(5))) {
            family.forEach(ProcessHandle::destroyForcibly);
            waitGone(family, Duration.ofSeconds(5));
        }
    }

    private static boolean waitGone(List<ProcessHandle> handles, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handles.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(100);
        }
        return true;
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }

    // ---------------------------------------------------------------------------------------------- status

    int status() {
        var supervisor = Pids.alive(layout.supervisorPid());
        var state = StackState.read(layout.stateFile());
        if (supervisor.isEmpty()) {
            out.print("risiti: not running");
            state.filter(s -> StackState.FAILED.equals(s.status()))
                    .ifPresent(s -> out.print(" (last start failed: " + s.message() + ")"));
            out.println();
            List<String> leftovers = new ArrayList<>();
            for (Path f : pidFiles()) {
                Pids.alive(f).ifPresent(h -> leftovers.add(f.getFileName() + " (pid " + h.pid() + ")"));
            }
            if (!leftovers.isEmpty()) {
                out.println("  leftover processes: " + String.join(", ", leftovers) + "; run ./risiti down");
            }
            return 3;
        }
        if (state.isEmpty()) {
            out.printf("risiti: supervisor pid %d is running but has not written %s yet%n", supervisor.get().pid(),
                    layout.show(layout.stateFile()));
            return 1;
        }
        StackState s = state.get();
        out.printf("risiti: %s (supervisor pid %d, started %s%s)%n", s.status(), s.supervisorPid(), s.startedAt(),
                s.readyAfterMs() == null ? "" : String.format(", ready after %.1fs", s.readyAfterMs() / 1000.0));
        Map<StackState.Component, CompletableFuture<Boolean>> probes = new LinkedHashMap<>();
        for (StackState.Component c : s.components()) {
            probes.put(c, CompletableFuture.supplyAsync(() -> healthy(c)));
        }
        out.printf("  %-20s %-8s %-6s %-10s %-9s %-19s %s%n", "NAME", "PID", "PORT", "HEALTH", "RESTARTS", "LAST RESTART", "URL");
        boolean all = true;
        List<String> reasons = new ArrayList<>();
        for (var e : probes.entrySet()) {
            StackState.Component c = e.getKey();
            boolean ok = e.getValue().join();
            all &= ok;
            String pid = c.pid() <= 0 ? "-" : ProcessHandle.of(c.pid()).map(ProcessHandle::isAlive).orElse(false)
                    ? Long.toString(c.pid()) : c.pid() + "!";
            out.printf("  %-20s %-8s %-6d %-10s %-9d %-19s %s%n", c.name(), pid, c.port(), ok ? "healthy" : "UNHEALTHY",
                    c.restarts(), lastRestart(c), c.url());
            if (c.lastRestartReason() != null) {
                reasons.add(String.format("  %s last restarted: %s", c.name(), c.lastRestartReason()));
            }
        }
        reasons.forEach(out::println);
        return all && StackState.READY.equals(s.status()) ? 0 : 1;
    }

    /** Local time of day when today, else the date too: "14:03:12", "2026-11-24 09:12:40". */
    private static String lastRestart(StackState.Component c) {
        if (c.lastRestartAt() == null) {
            return "-";
        }
        return restartTime(LocalDateTime.ofInstant(Instant.parse(c.lastRestartAt()), ZoneId.systemDefault()), LocalDate.now());
    }

    /** Always with seconds: LocalTime's own toString drops ":00", which broke the column (and a test) once a minute. */
    static String restartTime(LocalDateTime at, LocalDate today) {
        return at.format(at.toLocalDate().equals(today) ? TIME_OF_DAY : DATE_AND_TIME);
    }

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    // ---------------------------------------------------------------------------------------------- restart

    /**
     * Asks the running supervisor to restart one component (see {@link ControlServer}) and waits until it is healthy
     * again, printing the supervisor's log lines meanwhile. Exit 0 when it is back, 2 for a name the stack cannot
     * restart, 3 when no stack runs, 1 otherwise.
     */
    int restart(String name) {
        var state = StackState.read(layout.stateFile())
                .filter(s -> ProcessHandle.of(s.supervisorPid()).map(ProcessHandle::isAlive).orElse(false));
        if (state.isEmpty()) {
            err.println("risiti: no stack is running here; start one with ./risiti up");
            return 3;
        }
        StackState s = state.get();
        if (s.controlPort() == null || s.controlToken() == null) {
            err.printf("risiti: the supervisor (pid %d) takes no restart requests (started by an older launcher?); "
                    + "./risiti down, then ./risiti up%n", s.supervisorPid());
            return 1;
        }
        if (!StackState.READY.equals(s.status())) {
            err.printf("risiti: the stack is %s; try again once ./risiti status says ready%n", s.status());
            return 1;
        }
        // only for a process of ours: the supervisor answers anything else (unknown, gateway, mail) with an error
        long oldPid = s.component(name).map(StackState.Component::pid).orElse(0L);
        if (oldPid > 0) {
            out.printf("risiti: restarting %s (pid %d)%n", name, oldPid);
        }
        long t = System.nanoTime();
        LogTail tail = new LogTail(layout.launcherLog(), LogTail.size(layout.launcherLog()));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://" + Stack.HOST + ":" + s.controlPort() + ControlServer.RESTART_PATH
                                + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .header(ControlServer.TOKEN_HEADER, s.controlToken())
                .timeout(Stack.HEALTH_TIMEOUT.plus(Stack.SERVICE_STOP_GRACE).plusSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            CompletableFuture<HttpResponse<String>> pending = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            while (!pending.isDone()) {
                tail.pump(out);
                sleep(200);
            }
            tail.pump(out);
            response = pending.join();
        } catch (CompletionException e) {
            err.printf("risiti: cannot reach the supervisor at 127.0.0.1:%d: %s%n", s.controlPort(), Supervisor.rootMessage(e));
            return 1;
        }
        String body = response.body();
        if (response.statusCode() == 200) {
            try {
                JsonNode r = StackState.JSON.readTree(body);
                out.printf(Locale.ROOT, "risiti: %s is healthy again after %.1fs (pid %d, was %d; restarts since up: %d)%n", name,
                        r.path("took_ms").asLong() / 1000.0, r.path("pid").asLong(), r.path("old_pid").asLong(),
                        r.path("restarts").asInt());
            } catch (IOException e) {
                out.printf(Locale.ROOT, "risiti: %s is healthy again after %.1fs%n", name, (System.nanoTime() - t) / 1e9);
            }
            return 0;
        }
        String message;
        try {
            message = StackState.JSON.readTree(body).path("error").asText(body);
        } catch (IOException e) {
            message = body;
        }
        err.printf("risiti: %s%n", message);
        return response.statusCode() == 404 ? 2 : 1;
    }

    private static boolean healthy(StackState.Component c) {
        String h = c.health();
        if (h == null) {
            return true;
        }
        if (h.startsWith("http:")) {
            return Probes.httpOk(h.substring("http:".length()));
        }
        if (h.startsWith("tcp:")) {
            String hp = h.substring("tcp:".length());
            int colon = hp.lastIndexOf(':');
            return Probes.tcpOpen(hp.substring(0, colon), Integer.parseInt(hp.substring(colon + 1)));
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------- logs

    int logs(String name, int lines, boolean follow) {
        Path file = switch (name) {
            case "launcher", "supervisor", "gateway", "mail" -> layout.launcherLog();
            case "postgres" -> layout.data().resolve("postgres.log");
            case "sandbox" -> layout.log(Stack.SANDBOX);
            default -> layout.log(name);
        };
        if (!Files.exists(file)) {
            String available;
            try (Stream<Path> s = Files.exists(layout.logs()) ? Files.list(layout.logs()) : Stream.empty()) {
                available = s.map(p -> p.getFileName().toString().replaceFirst("\\.log$", "")).sorted()
                        .collect(Collectors.joining(", "));
            } catch (IOException e) {
                available = "";
            }
            err.printf("risiti: no log for %s (%s); available: %s%n", name, layout.show(file),
                    available.isEmpty() ? "none yet" : available);
            return 1;
        }
        LogTail.lastLines(file, lines).forEach(out::println);
        if (follow) {
            LogTail tail = new LogTail(file, LogTail.size(file));
            while (true) {
                tail.pump(out);
                sleep(300);
            }
        }
        return 0;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
