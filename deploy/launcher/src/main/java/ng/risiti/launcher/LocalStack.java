package ng.risiti.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ng.risiti.infra.Postgres;

/**
 * The whole local stack run from this JVM, for system tests: started by the supervisor's own code, so exactly
 * what {@code ./risiti up} starts (same components, order, ports, environment, jars, health checks), with its
 * state (data, logs, pids) in a directory of the caller's choice. One service can be killed and started again
 * with extra environment. As under {@code up}, a child that dies is started again after a backoff (1 s the first
 * time) with the environment of its last start. {@link #close()} (also run at JVM exit) stops everything in
 * reverse order, and nothing is restarted from the moment it begins.
 *
 * <pre>
 * try (LocalStack stack = LocalStack.start(repositoryRoot, Path.of("target/risiti-state"))) {
 *     stack.restart("invoice-service", Map.of("RISITI_OUTBOX_RELAY_ENABLED", "false"));
 *     stack.kill("invoice-service");
 *     stack.restart("invoice-service", Map.of());
 * }
 * </pre>
 */
public final class LocalStack implements AutoCloseable {

    public static final String GATEWAY_URL = "http://" + Stack.HOST + ":" + Stack.GATEWAY_PORT;
    public static final String KAFKA_BOOTSTRAP_SERVERS = Stack.HOST + ":" + Stack.KAFKA_PORT;

    private final StackLayout layout;
    private final Supervisor supervisor;
    private final Set<Long> started = ConcurrentHashMap.newKeySet();
    private final List<Replica> replicas = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;

    private LocalStack(StackLayout layout) {
        this.layout = layout;
        this.supervisor = new Supervisor(layout, Set.of());
        this.shutdownHook = new Thread(this::stop, "risiti-local-stack-stop");
    }

    /**
     * Starts everything {@code ./risiti up} starts and returns once all of it is healthy; fails (having stopped
     * whatever started) if a port of the stack is already in use, a jar is missing or a component is unhealthy.
     *
     * @param repositoryRoot the checkout whose built jars are run
     * @param stateDir       data, logs, pids and class-data archives (created if missing), instead of {@code .risiti/}
     */
    public static LocalStack start(Path repositoryRoot, Path stateDir) {
        Path root = repositoryRoot.toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(new StackLayout(root, stateDir.toAbsolutePath().normalize()));
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            stack.supervisor.startInProcess();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        stack.recordPids();
        return stack;
    }

    /** Stops the service if it runs (or was killed) and starts it with its usual environment plus {@code env}. */
    public void restart(String service, Map<String, String> env) {
        requireOpen();
        supervisor.restartService(service, env);
        recordPids();
    }

    /** A further replica of a service started by {@link #startReplica}: its own URL; {@link #close()} stops it. */
    public record Replica(String url, long pid, Runnable stop) implements AutoCloseable {

        @Override
        public void close() {
            stop.run();
        }
    }

    /**
     * Starts one more replica of {@code service} beside the stack's, with the environment the stack gives that service
     * but HTTP on {@code port} (same database, Kafka, everything else); returns once it is healthy. It is not
     * supervised or routed to by the gateway: call it on its own URL and close it (also stopped by {@link #close()}).
     */
    public Replica startReplica(String service, int port) {
        requireOpen();
        Running run = supervisor.startReplica(service, port);
        long pid = run.component().pid();
        started.add(pid);
        Replica replica = new Replica("http://" + Stack.HOST + ":" + port, pid, run.stop());
        replicas.add(replica);
        return replica;
    }

    /**
     * SIGKILL to a child (a service, kafka or nrs-sandbox), no grace; returns once it is gone. The supervisor starts
     * it again after its backoff unless {@link #restart} does first.
     */
    public void kill(String name) {
        requireOpen();
        long pid = pid(name).orElseThrow(() -> new IllegalArgumentException(name + " is not running"));
        ProcessHandle.of(pid).ifPresent(h -> {
            h.destroyForcibly();
            try {
                h.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(name + " (pid " + pid + ") did not exit after SIGKILL", e);
            }
        });
        Console.line("  killed   %-20s %-42s", name, "pid " + pid);
    }

    /** The pid of a child started for {@code name} (a service, kafka or nrs-sandbox). */
    public OptionalLong pid(String name) {
        return supervisor.pid(name);
    }

    public String gatewayUrl() {
        return GATEWAY_URL;
    }

    public String kafkaBootstrapServers() {
        return KAFKA_BOOTSTRAP_SERVERS;
    }

    /** JDBC URL of one of the services' databases ({@code risiti_invoice}, ...), for {@link #databaseUser()}. */
    public String jdbcUrl(String database) {
        return postgres().jdbcUrl(database);
    }

    public String databaseUser() {
        return postgres().username();
    }

    public String databasePassword() {
        return postgres().password();
    }

    public Path stateDir() {
        return layout.state();
    }

    /** A component's log: a service, kafka, nrs-sandbox. */
    public Path log(String name) {
        return layout.log(name);
    }

    /**
     * Processes of this stack still alive: every child started (also ones replaced by a restart), their
     * descendants, and any process whose command line points into the state directory (the embedded
     * PostgreSQL, strays). Empty after {@link #close()} when everything stopped.
     */
    public List<ProcessHandle> leftovers() {
        String state = layout.state().toString();
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> found = new ArrayList<>();
        started.forEach(pid -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(found::add));
        Stream.concat(ProcessHandle.current().descendants(),
                        ProcessHandle.allProcesses().filter(h -> h.info().commandLine().map(c -> c.contains(state)).orElse(false)))
                .filter(h -> h.pid() != self && h.isAlive())
                .forEach(found::add);
        return found.stream().filter(distinctPid(found)).toList();
    }

    private static java.util.function.Predicate<ProcessHandle> distinctPid(List<ProcessHandle> all) {
        Set<Long> seen = ConcurrentHashMap.newKeySet(all.size());
        return h -> seen.add(h.pid());
    }

    /** Describes processes for a failure message. */
    public static String describe(List<ProcessHandle> processes) {
        return processes.stream()
                .map(h -> "pid " + h.pid() + ": " + h.info().commandLine().map(LocalStack::abbreviate).orElse("?"))
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    /** Stops everything in reverse start order (gateway, services, infrastructure, PostgreSQL); idempotent. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // the JVM is shutting down: the hook is running or ran
        }
    }

    private void stop() {
        if (closed.compareAndSet(false, true)) {
            replicas.forEach(Replica::close); // stopping a stopped one again does nothing
            supervisor.stopAll();
            // pg_ctl returns once the postmaster removed its pid file, a moment before it exits; the embedded
            // PostgreSQL's watchdog leaves within a second of the postmaster
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && !leftovers().isEmpty()) {
                sleep(100);
            }
        }
    }

    private void recordPids() {
        for (String name : Stream.concat(Stream.of("postgres", "kafka", Stack.SANDBOX, Stack.PAYSTACK, Stack.OIDC), Routes.SERVICES.stream()).toList()) {
            supervisor.pid(name).ifPresent(started::add);
        }
    }

    private Postgres postgres() {
        Postgres pg = supervisor.postgres();
        if (pg == null) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        return pg;
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the local stack was closed");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 197) + "...";
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
