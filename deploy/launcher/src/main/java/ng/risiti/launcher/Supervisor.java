package ng.risiti.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import ng.risiti.infra.KafkaBroker;
import ng.risiti.infra.Ports;
import ng.risiti.infra.Postgres;

/**
 * The long-running {@code risiti supervise} process (started by {@code up} in its own session, so a
 * terminal's Ctrl-C never reaches the children directly): starts every component, hosts the gateway and
 * GreenMail, records pids and {@code state.json}, and on SIGTERM/SIGINT stops everything in reverse order.
 */
final class Supervisor {

    /** Stop order: highest tier first; one tier's members stop in parallel. */
    private record Running(String name, int tier, StackState.Component component, Runnable stop, BooleanSupplier alive) {
    }

    private static final int TIER_DATA = 0;
    private static final int TIER_INFRA = 1;
    private static final int TIER_SERVICES = 2;
    private static final int TIER_GATEWAY = 3;

    private final StackLayout layout;
    private final Set<String> only;
    private final StateFile stateFile;
    private final List<Running> running = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Instant startedAt = Instant.now();
    private final long t0 = System.nanoTime();
    private volatile Thread main;
    private volatile String status = StackState.STARTING;
    private volatile Long readyAfterMs;
    private volatile Vertx vertx;
    private volatile Postgres pg;

    Supervisor(StackLayout layout, Set<String> only) {
        this.layout = layout;
        this.only = only;
        this.stateFile = new StateFile(layout.stateFile());
    }

    private boolean wanted(String name) {
        return only.isEmpty() || only.contains(name) || Routes.SERVICES.contains(name) && only.contains("services");
    }

    int run() {
        main = Thread.currentThread();
        quietLibraryLogging();
        layout.createDirectories();
        long self = ProcessHandle.current().pid();
        var other = Pids.alive(layout.supervisorPid()).filter(p -> p.pid() != self);
        if (other.isPresent()) {
            Console.line("risiti: a supervisor is already running (pid %d); ./risiti status or ./risiti down", other.get().pid());
            return 1;
        }
        Pids.write(layout.supervisorPid(), self);
        Signals.onTermination(this::requestStop);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "risiti-supervisor-stop"));

        Console.line("risiti: starting the local stack in %s (state in %s, supervisor pid %d)",
                layout.root(), layout.show(layout.state()), self);
        writeState(null);
        try {
            startAll();
        } catch (Throwable e) {
            startFailed(e);
            Pids.delete(layout.supervisorPid());
            return stopping.get() ? 0 : 1;
        }
        ready();
        Thread.ofPlatform().daemon().name("risiti-watch").start(this::watch);
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopAll();
        return 0;
    }

    /**
     * {@link LocalStack}: starts everything in this JVM with the same code as {@link #run()}, without its
     * process concerns (supervisor pid file, signal handlers, waiting); on failure stops what started and throws.
     */
    void startInProcess() {
        main = Thread.currentThread();
        quietLibraryLogging();
        layout.createDirectories();
        Console.line("risiti: starting the local stack in %s (state in %s, in-process)", layout.root(), layout.show(layout.state()));
        writeState(null);
        try {
            startAll();
        } catch (Throwable e) {
            startFailed(e);
            throw new IllegalStateException("the local stack did not start: " + rootMessage(e), e);
        }
        ready();
    }

    /**
     * Stops one service (if it runs) and starts it again with its usual environment plus {@code extraEnv},
     * awaiting its health like at start; a service that was killed is simply started again.
     */
    void restartService(String name, Map<String, String> extraEnv) {
        Stack.Service service = Stack.SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a service: " + name + "; one of " + Routes.SERVICES));
        Running old = find(name).orElse(null);
        if (old != null) {
            long t = System.nanoTime();
            old.stop().run();
            running.remove(old);
            Console.line("  stopped  %-20s %-42s (%s)", name, "pid " + old.component().pid(), Console.seconds(t));
        }
        Map<String, String> env = serviceEnv(service, pg);
        env.putAll(extraEnv);
        startChild(name, layout.root().resolve(service.jar()), env, service.port(), TIER_SERVICES);
    }

    /** The pid of a running child (kafka, nrs-sandbox, a service), if it was started. */
    java.util.OptionalLong pid(String name) {
        return find(name).map(r -> r.component().pid()).filter(pid -> pid > 0)
                .map(java.util.OptionalLong::of).orElse(java.util.OptionalLong.empty());
    }

    /** The PostgreSQL the services use (null before it started or when not wanted). */
    Postgres postgres() {
        return pg;
    }

    private java.util.Optional<Running> find(String name) {
        synchronized (running) {
            return running.stream().filter(r -> r.name().equals(name)).findFirst();
        }
    }

    private void startFailed(Throwable e) {
        String why = rootMessage(e);
        status = StackState.FAILED;
        if (!stopping.get()) {
            Console.line("");
            Console.line("risiti: start failed: %s", why);
        }
        writeState(why);
        stopAll();
        writeState(why);
    }

    private void ready() {
        status = StackState.READY;
        readyAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        writeState(null);
        summary();
    }

    private void requestStop() {
        if (stopping.compareAndSet(false, true)) {
            Console.line("");
            Console.line("risiti: stopping (signal received)");
            if (StackState.STARTING.equals(status) && main != null) {
                main.interrupt();
            }
            stopRequested.countDown();
        }
    }

    private void startAll() throws Exception {
        checkPorts();
        pg = wanted("postgres") ? startPostgres() : null;
        checkStop();

        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(4));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> infra = new ArrayList<>();
            if (wanted("kafka")) {
                infra.add(pool.submit(this::startKafka));
            }
            if (wanted("mail")) {
                infra.add(pool.submit(this::startMail));
            }
            if (wanted(Stack.SANDBOX)) {
                infra.add(pool.submit(() -> startChild(Stack.SANDBOX, layout.root().resolve(Stack.SANDBOX_JAR),
                        Map.of("QUARKUS_HTTP_PORT", Integer.toString(Stack.SANDBOX_PORT)), Stack.SANDBOX_PORT, TIER_INFRA)));
            }
            awaitAll(infra, pool);
            checkStop();

            List<Future<?>> services = new ArrayList<>();
            for (Stack.Service s : Stack.SERVICES) {
                if (wanted(s.name())) {
                    services.add(pool.submit(() -> startChild(s.name(), layout.root().resolve(s.jar()), serviceEnv(s, pg),
                            s.port(), TIER_SERVICES)));
                }
            }
            awaitAll(services, pool);
        }
        checkStop();
        if (wanted("gateway")) {
            startGateway();
        }
    }

    private void checkPorts() {
        Map<Integer, String> ports = new TreeMap<>();
        if (wanted("kafka")) {
            ports.put(Stack.KAFKA_PORT, "kafka");
            ports.put(Stack.KAFKA_CONTROLLER_PORT, "kafka controller");
        }
        if (wanted("mail")) {
            ports.put(Stack.SMTP_PORT, "smtp");
            ports.put(Stack.MAILBOX_PORT, "mailbox");
        }
        if (wanted(Stack.SANDBOX)) {
            ports.put(Stack.SANDBOX_PORT, Stack.SANDBOX);
        }
        for (Stack.Service s : Stack.SERVICES) {
            if (wanted(s.name())) {
                ports.put(s.port(), s.name());
            }
        }
        if (wanted("gateway")) {
            ports.put(Stack.GATEWAY_PORT, "gateway");
        }
        List<String> busy = new ArrayList<>();
        ports.forEach((port, name) -> {
            if (Ports.isOpen(Stack.HOST, port)) {
                busy.add(port + " (" + name + ")");
            }
        });
        if (!busy.isEmpty()) {
            throw new IllegalStateException("ports already in use: " + String.join(", ", busy)
                    + "; another stack running? try ./risiti status or ./risiti down");
        }
    }

    private Postgres startPostgres() {
        Console.starting("postgres");
        long t = System.nanoTime();
        // the local stack's data must survive a crash: fsync, synchronous_commit and full_page_writes on
        Postgres pg = Postgres.resolve(layout.data().resolve("postgres"), Stack.POSTGRES_EMBEDDED_PORT, Postgres.Durability.DURABLE);
        long pid = 0;
        if (pg.embedded()) {
            pid = Pids.read(layout.data().resolve("postgres").resolve("postmaster.pid")).orElse(0L);
            if (pid > 0) {
                Pids.write(layout.pidFile("postgres"), pid);
            }
        }
        register(new Running("postgres", TIER_DATA,
                new StackState.Component("postgres", "postgresql://" + pg.host() + ":" + pg.port(), pg.port(), pid,
                        "tcp:" + pg.host() + ":" + pg.port(), pg.description()),
                () -> {
                    pg.close();
                    Pids.delete(layout.pidFile("postgres"));
                },
                () -> Probes.tcpOpen(pg.host(), pg.port())));
        for (Stack.Service s : Stack.SERVICES) {
            pg.ensureDatabase(s.database());
        }
        Console.ready("postgres", pg.host() + ":" + pg.port()
                + (pg.embedded() ? " (embedded, " + (pg.durability() == Postgres.Durability.DURABLE ? "fsync on)" : "fsync off)")
                        : " (" + pg.description() + ")"), t);
        return pg;
    }

    private Void startKafka() {
        Console.starting("kafka");
        long t = System.nanoTime();
        KafkaBroker broker = KafkaBroker.start(layout.data().resolve("kafka"), Stack.KAFKA_PORT, Stack.KAFKA_CONTROLLER_PORT,
                layout.log("kafka"));
        Pids.write(layout.pidFile("kafka"), broker.pid());
        register(new Running("kafka", TIER_INFRA,
                new StackState.Component("kafka", broker.bootstrapServers(), Stack.KAFKA_PORT, broker.pid(),
                        "tcp:" + Stack.HOST + ":" + Stack.KAFKA_PORT, "KRaft, one node; controller :" + Stack.KAFKA_CONTROLLER_PORT),
                () -> {
                    broker.close();
                    Pids.delete(layout.pidFile("kafka"));
                },
                () -> ProcessHandle.of(broker.pid()).map(ProcessHandle::isAlive).orElse(false)));
        Console.ready("kafka", broker.bootstrapServers(), t);
        return null;
    }

    private Void startMail() {
        Console.starting("mail");
        long t = System.nanoTime();
        Mailbox mailbox = Mailbox.start(vertx, Stack.HOST, Stack.SMTP_PORT, Stack.MAILBOX_PORT);
        register(new Running("mail", TIER_INFRA,
                new StackState.Component("mail", "http://localhost:" + Stack.MAILBOX_PORT, Stack.MAILBOX_PORT, 0,
                        "http:http://" + Stack.HOST + ":" + Stack.MAILBOX_PORT + "/api/messages",
                        "GreenMail SMTP " + Stack.HOST + ":" + Stack.SMTP_PORT),
                mailbox::close, () -> true));
        Console.ready("mail", "smtp " + Stack.HOST + ":" + Stack.SMTP_PORT + ", mailbox http://localhost:" + Stack.MAILBOX_PORT, t);
        return null;
    }

    private Void startChild(String name, Path jar, Map<String, String> env, int port, int tier) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": " + layout.show(jar) + " is missing (build it: ./mvnw -B -q install -DskipTests)");
        }
        Console.starting(name);
        long t = System.nanoTime();
        ChildJvm child = ChildJvm.start(name, jar, Stack.SERVICE_JVM_OPTS, env, layout.log(name), layout.pidFile(name),
                layout.state().toString(), Stack.CDS ? layout.cds(name) : null);
        String url = "http://localhost:" + port;
        register(new Running(name, tier,
                new StackState.Component(name, url, port, child.pid(), "http:http://" + Stack.HOST + ":" + port + "/q/health/ready", null),
                () -> child.stop(Stack.SERVICE_STOP_GRACE), child::alive));
        try {
            child.awaitHealthy("http://" + Stack.HOST + ":" + port + "/q/health/ready", Stack.HEALTH_TIMEOUT);
        } catch (RuntimeException e) {
            if (!stopping.get()) {
                Console.failed(name, e.getMessage());
                Console.line("    last lines of %s:", layout.show(child.log()));
                for (String l : LogTail.lastLines(child.log(), 40)) {
                    Console.line("    | %s", l);
                }
            }
            throw e;
        }
        Console.ready(name, url, t);
        return null;
    }

    private Map<String, String> serviceEnv(Stack.Service s, Postgres pg) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(s.port()));
        if (pg != null) {
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", pg.reactiveUrl(s.database()));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl(s.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", pg.username());
            env.put("QUARKUS_DATASOURCE_PASSWORD", pg.password());
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", Stack.HOST + ":" + Stack.KAFKA_PORT);
        env.put("RISITI_AUTH_URL", "http://" + Stack.HOST + ":8081");
        env.put("NRS_API_URL", "http://" + Stack.HOST + ":" + Stack.SANDBOX_PORT);
        env.put("QUARKUS_MAILER_HOST", Stack.HOST);
        env.put("QUARKUS_MAILER_PORT", Integer.toString(Stack.SMTP_PORT));
        env.put("RISITI_LOCAL_MODE", "true");
        return env;
    }

    private void startGateway() {
        Console.starting("gateway");
        long t = System.nanoTime();
        Map<String, SocketAddress> upstreams = new LinkedHashMap<>();
        Map<String, String> health = new LinkedHashMap<>();
        for (Stack.Service s : Stack.SERVICES) {
            if (wanted(s.name())) {
                upstreams.put(s.name(), SocketAddress.inetSocketAddress(s.port(), Stack.HOST));
                health.put(s.name(), "http://" + Stack.HOST + ":" + s.port());
            }
        }
        if (wanted(Stack.SANDBOX)) {
            health.put(Stack.SANDBOX, "http://" + Stack.HOST + ":" + Stack.SANDBOX_PORT);
        }
        Gateway gateway = new Gateway(vertx, upstreams, health, "http://localhost:" + Stack.GATEWAY_PORT,
                Duration.ofSeconds(5), msg -> Console.line("  gateway: %s", msg));
        gateway.listen(Stack.HOST, Stack.GATEWAY_PORT).toCompletionStage().toCompletableFuture().join();
        register(new Running("gateway", TIER_GATEWAY,
                new StackState.Component("gateway", "http://localhost:" + Stack.GATEWAY_PORT, Stack.GATEWAY_PORT, 0,
                        "http:http://" + Stack.HOST + ":" + Stack.GATEWAY_PORT + "/q/health", "docs: http://localhost:8080/docs"),
                () -> gateway.close().toCompletionStage().toCompletableFuture().join(), () -> true));
        Console.ready("gateway", "http://localhost:" + Stack.GATEWAY_PORT, t);
    }

    private void register(Running r) {
        running.add(r);
        writeState(null);
    }

    private void awaitAll(List<Future<?>> futures, ExecutorService pool) throws Exception {
        Throwable first = null;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause();
                    futures.forEach(other -> other.cancel(true)); // stop waiting for the others
                }
            } catch (java.util.concurrent.CancellationException ignored) {
                // cancelled after an earlier failure
            } catch (InterruptedException e) {
                futures.forEach(other -> other.cancel(true));
                pool.shutdownNow();
                pool.awaitTermination(30, TimeUnit.SECONDS);
                throw e;
            }
        }
        if (first != null) {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS); // every started child is registered before we stop them all
            if (first instanceof Exception ex) {
                throw ex;
            }
            throw new IllegalStateException(first);
        }
    }

    private void checkStop() throws InterruptedException {
        if (stopping.get() || Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("stop requested");
        }
    }

    private final AtomicBoolean stoppedAll = new AtomicBoolean();

    void stopAll() {
        if (stoppedAll.getAndSet(true)) {
            return;
        }
        if (!StackState.FAILED.equals(status)) {
            status = StackState.STOPPING;
        }
        writeState(null);
        Map<Integer, List<Running>> byTier = new TreeMap<>(Comparator.reverseOrder());
        synchronized (running) {
            for (Running r : running) {
                byTier.computeIfAbsent(r.tier(), k -> new ArrayList<>()).add(r);
            }
        }
        if (!byTier.isEmpty()) {
            Console.line("risiti: stopping %d component(s)", byTier.values().stream().mapToInt(List::size).sum());
        }
        for (List<Running> tier : byTier.values()) {
            List<Thread> threads = new ArrayList<>();
            for (Running r : tier) {
                threads.add(Thread.ofPlatform().name("stop-" + r.name()).start(() -> {
                    long t = System.nanoTime();
                    try {
                        r.stop().run();
                        Console.line("  stopped  %-20s %-42s (%s)", r.name(),
                                r.component().pid() > 0 ? "pid " + r.component().pid() : "in-process", Console.seconds(t));
                    } catch (RuntimeException e) {
                        Console.line("  FAILED   to stop %s: %s", r.name(), rootMessage(e));
                    }
                }));
            }
            for (Thread th : threads) {
                try {
                    th.join(Duration.ofSeconds(30));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        running.clear();
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        if (!StackState.FAILED.equals(status)) {
            Pids.delete(layout.stateFile());
        }
        Pids.delete(layout.supervisorPid());
        Console.line("risiti: everything stopped");
    }

    private void watch() {
        Set<String> reported = new java.util.HashSet<>();
        while (!stopping.get()) {
            List<Running> snapshot;
            synchronized (running) {
                snapshot = List.copyOf(running);
            }
            for (Running r : snapshot) {
                if (!stopping.get() && !reported.contains(r.name()) && !r.alive().getAsBoolean()) {
                    reported.add(r.name());
                    Console.line("  WARNING  %s is no longer running; see ./risiti logs %s", r.name(), r.name());
                }
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void writeState(String message) {
        try {
            stateFile.write(() -> {
                List<StackState.Component> comps;
                synchronized (running) {
                    comps = running.stream().map(Running::component).toList();
                }
                return new StackState(status, ProcessHandle.current().pid(), startedAt.toString(), readyAfterMs, message, comps);
            });
        } catch (java.io.IOException e) {
            Console.line("warning: cannot write %s: %s", layout.show(stateFile.path()), e);
        }
    }

    private void summary() {
        Console.line("");
        Console.line("risiti: local stack ready in %s", Console.seconds(t0));
        Console.line("  %-20s %-42s %s", "NAME", "URL", "PID");
        synchronized (running) {
            running.stream()
                    .sorted(Comparator.comparingInt(Running::tier))
                    .forEach(r -> Console.line("  %-20s %-42s %s", r.name(), r.component().url(),
                            r.component().pid() > 0 ? Long.toString(r.component().pid())
                                    : "in supervisor " + ProcessHandle.current().pid()));
        }
        if (wanted("gateway")) {
            Console.line("  API docs: http://localhost:%d/docs   OpenAPI: http://localhost:%d/docs/openapi.json",
                    Stack.GATEWAY_PORT, Stack.GATEWAY_PORT);
        }
        Console.line("  logs: ./risiti logs <name>   status: ./risiti status   stop: Ctrl-C in the foreground, else ./risiti down");
    }

    /** Library INFO lines (java.util.logging / System.Logger) would drown the progress lines; warnings stay. */
    private static void quietLibraryLogging() {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.setLevel(java.util.logging.Level.WARNING);
        for (var h : root.getHandlers()) {
            h.setLevel(java.util.logging.Level.WARNING);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof java.util.concurrent.CompletionException
                || t.getMessage() == null) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
