package ng.risiti.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import ng.risiti.infra.KafkaBroker;
import ng.risiti.infra.Ports;
import ng.risiti.infra.Postgres;

/**
 * The long-running {@code risiti supervise} process (started by {@code up} in its own session, so a
 * terminal's Ctrl-C never reaches the children directly): starts every component, hosts the gateway, GreenMail and
 * the WhatsApp simulator, records pids and {@code state.json}, starts again whatever dies (with a {@link RestartPolicy}
 * backoff) or is restarted by hand through its {@link ControlServer}, and on SIGTERM/SIGINT stops everything in reverse
 * order.
 */
final class Supervisor {

    /** {@link #restart}: what happened. */
    record Restarted(String name, long oldPid, long pid, Duration took, int restarts) {
    }

    /** A restart refused because of the stack's state (starting, stopping), not because of the name. */
    static final class NotNowException extends RuntimeException {
        NotNowException(String message) {
            super(message);
        }
    }

    /** Stop order: highest tier first; one tier's members stop in parallel. */
    private static final int TIER_DATA = 0;
    private static final int TIER_INFRA = 1;
    private static final int TIER_SERVICES = 2;
    private static final int TIER_GATEWAY = 3;

    /** How often the watcher looks for components that died. */
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);
    private static final String INSIDE_SUPERVISOR = "it runs inside the supervisor; restart the whole stack (./risiti down, ./risiti up)";

    private final StackLayout layout;
    private final Set<String> only;
    private final RestartPolicy restartPolicy;
    private final StateFile stateFile;
    /** in start order */
    private final Map<String, Supervised> components = Collections.synchronizedMap(new LinkedHashMap<>());
    /** threads restarting something: interrupted and awaited before the stack stops */
    private final Set<Thread> restarting = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean stoppedAll = new AtomicBoolean();
    private final Instant startedAt = Instant.now();
    private final long t0 = System.nanoTime();
    private volatile Thread main;
    private volatile String status = StackState.STARTING;
    private volatile Long readyAfterMs;
    private volatile Vertx vertx;
    private volatile Postgres pg;
    private volatile ControlServer control;

    Supervisor(StackLayout layout, Set<String> only) {
        this(layout, only, RestartPolicy.DEFAULT);
    }

    Supervisor(StackLayout layout, Set<String> only, RestartPolicy restartPolicy) {
        this.layout = layout;
        this.only = only;
        this.restartPolicy = restartPolicy;
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
        startControl();
        writeState(null);
        try {
            startAll();
        } catch (Throwable e) {
            startFailed(e);
            Pids.delete(layout.supervisorPid());
            return stopping.get() ? 0 : 1;
        }
        ready();
        try {
            stopSignal.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopAll();
        return 0;
    }

    /**
     * {@link LocalStack}: starts everything in this JVM with the same code as {@link #run()}, without its
     * process concerns (supervisor pid file, signal handlers, waiting); on failure stops what started and throws.
     * Components that die are started again as under {@code run()}.
     */
    void startInProcess() {
        main = Thread.currentThread();
        quietLibraryLogging();
        layout.createDirectories();
        Console.line("risiti: starting the local stack in %s (state in %s, in-process)", layout.root(), layout.show(layout.state()));
        startControl();
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
     * Stops one service (if it runs) and starts it again with its usual environment plus {@code extraEnv}, awaiting
     * its health like at start; a service that was killed is simply started again. Later automatic restarts keep
     * that environment.
     */
    void restartService(String name, Map<String, String> extraEnv) {
        Stack.Service service = Stack.SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a service: " + name + "; one of " + Routes.SERVICES));
        Map<String, String> env = serviceEnv(service, pg);
        env.putAll(extraEnv);
        Supervised.Starter starter = child(name, layout.root().resolve(service.jar()), env, service.port());
        Supervised s = components.computeIfAbsent(name, n -> new Supervised(n, TIER_SERVICES, starter, restartPolicy));
        s.starter(starter);
        try {
            restart(name, extraEnv.isEmpty() ? "restarted by the caller" : "restarted by the caller with " + extraEnv.keySet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting " + name, e);
        }
    }

    /**
     * Starts one more replica of a service: the same jar and the environment {@link #serviceEnv} gives the first one,
     * but HTTP on {@code port}, with its own log and pid file ({@code <service>-<port>}). Not supervised (nothing
     * restarts it, it is not in {@code state.json}, the gateway does not route to it): the caller stops it with
     * {@link Running#stop()}. Returns once it is healthy.
     */
    Running startReplica(String name, int port) {
        Stack.Service service = Stack.SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a service: " + name + "; one of " + Routes.SERVICES));
        if (pg == null) {
            throw new IllegalStateException("the stack is not running");
        }
        Map<String, String> env = serviceEnv(service, pg);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        Running[] run = new Running[1];
        try {
            return startChild(name + "-" + port, layout.root().resolve(service.jar()), env, port, started -> run[0] = started);
        } catch (RuntimeException e) {
            if (run[0] != null) {
                run[0].stop().run();
            }
            throw e;
        }
    }

    /**
     * Stops a component (a service, nrs-sandbox, kafka, or the embedded PostgreSQL) and starts it again with the
     * environment of its last start; returns once it is healthy. Waits for an automatic restart of it under way.
     *
     * @throws IllegalArgumentException if there is no such component, or it cannot be restarted alone
     * @throws NotNowException          while the stack starts or stops
     */
    Restarted restart(String name, String reason) throws InterruptedException {
        Supervised s = components.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown component " + name + "; this stack can restart: "
                    + String.join(", ", restartable()));
        }
        if (s.whyNotRestartable() != null) {
            throw new IllegalArgumentException(name + " cannot be restarted alone: " + s.whyNotRestartable());
        }
        if (stopping.get() || !StackState.READY.equals(status)) {
            throw new NotNowException("the stack is " + (stopping.get() ? StackState.STOPPING : status));
        }
        Thread self = Thread.currentThread();
        restarting.add(self);
        try {
            s.lock.lockInterruptibly();
            try {
                if (stopping.get()) {
                    throw new NotNowException("the stack is stopping");
                }
                long t = System.nanoTime();
                Running old = s.current();
                long oldPid = old == null ? 0 : old.component().pid();
                if (old != null) {
                    boolean wasAlive = old.alive().getAsBoolean();
                    old.stop().run(); // also tidies up after one that died (pid file, handles)
                    if (wasAlive) {
                        Console.line("  stopped  %-20s %-42s (%s)", name, oldPid > 0 ? "pid " + oldPid : "", Console.seconds(t));
                    }
                }
                s.restarting(Instant.now(), reason);
                try {
                    launch(s);
                } catch (Exception e) {
                    // whatever did start is stopped, so the watcher takes over with its backoff
                    Running failed = s.current();
                    if (failed != null && failed != old) {
                        failed.stop().run();
                    }
                    if (e instanceof InterruptedException ie) {
                        throw ie;
                    }
                    throw new IllegalStateException(name + " did not become healthy again: " + rootMessage(e), e);
                }
                Duration took = Duration.ofNanos(System.nanoTime() - t);
                long pid = s.current().component().pid();
                Console.line("  restarted %-19s %-42s (%s; %s; restarts so far: %d)", name, pid > 0 ? "pid " + pid : "",
                        Console.seconds(t), reason, s.restarts());
                writeState(null);
                return new Restarted(name, oldPid, pid, took, s.restarts());
            } finally {
                s.lock.unlock();
            }
        } finally {
            restarting.remove(self);
        }
    }

    /** The pid of a running child (kafka, nrs-sandbox, a service, the embedded PostgreSQL), if it was started. */
    OptionalLong pid(String name) {
        return Optional.ofNullable(components.get(name)).map(Supervised::current).map(r -> r.component().pid())
                .filter(pid -> pid > 0).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** The PostgreSQL the services use (null before it started or when not wanted). */
    Postgres postgres() {
        return pg;
    }

    private List<String> restartable() {
        synchronized (components) {
            return components.values().stream().filter(s -> s.whyNotRestartable() == null).map(Supervised::name).toList();
        }
    }

    private void startControl() {
        try {
            control = ControlServer.start(this);
        } catch (IOException e) {
            Console.line("warning: no control endpoint, so ./risiti restart will not work: %s", e.getMessage());
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
        Thread.ofPlatform().daemon().name("risiti-watch").start(this::watch);
    }

    private void requestStop() {
        if (stopping.compareAndSet(false, true)) {
            Console.line("");
            Console.line("risiti: stopping (signal received)");
            if (StackState.STARTING.equals(status) && main != null) {
                main.interrupt();
            }
            stopSignal.countDown();
        }
    }

    private void startAll() throws Exception {
        checkPorts();
        if (wanted("postgres")) {
            startPostgres();
        }
        checkStop();

        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(4));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> infra = new ArrayList<>();
            if (wanted("kafka")) {
                infra.add(pool.submit(() -> launch(supervise("kafka", TIER_INFRA, this::launchKafka))));
            }
            if (wanted("mail")) {
                infra.add(pool.submit(this::startMail));
            }
            if (wanted(Stack.SANDBOX)) {
                Supervised.Starter sandbox = child(Stack.SANDBOX, layout.root().resolve(Stack.SANDBOX_JAR),
                        Map.of("QUARKUS_HTTP_PORT", Integer.toString(Stack.SANDBOX_PORT)), Stack.SANDBOX_PORT);
                infra.add(pool.submit(() -> launch(supervise(Stack.SANDBOX, TIER_INFRA, sandbox))));
            }
            if (wanted(Stack.PAYSTACK)) {
                // webhooks go through the gateway, as Paystack's would reach the public URL; the sandbox retries
                // until the gateway and billing-service are up
                Supervised.Starter paystack = child(Stack.PAYSTACK, layout.root().resolve(Stack.PAYSTACK_JAR), Map.of(
                        "PAYSTACK_SANDBOX_PORT", Integer.toString(Stack.PAYSTACK_PORT),
                        "PAYSTACK_PUBLIC_URL", "http://localhost:" + Stack.PAYSTACK_PORT,
                        "PAYSTACK_WEBHOOK_URL", "http://" + Stack.HOST + ":" + Stack.GATEWAY_PORT + "/api/v1/webhooks/paystack"),
                        Stack.PAYSTACK_PORT);
                infra.add(pool.submit(() -> launch(supervise(Stack.PAYSTACK, TIER_INFRA, paystack))));
            }
            if (wanted(Stack.OIDC)) {
                Supervised.Starter oidc = child(Stack.OIDC, layout.root().resolve(Stack.OIDC_JAR), Map.of(
                        "OIDC_SANDBOX_PORT", Integer.toString(Stack.OIDC_PORT), "OIDC_SANDBOX_ISSUER", Stack.OIDC_ISSUER),
                        Stack.OIDC_PORT);
                infra.add(pool.submit(() -> launch(supervise(Stack.OIDC, TIER_INFRA, oidc))));
            }
            awaitAll(infra, pool);
            checkStop();

            List<Future<?>> services = new ArrayList<>();
            for (Stack.Service s : Stack.SERVICES) {
                if (wanted(s.name())) {
                    Supervised.Starter service = child(s.name(), layout.root().resolve(s.jar()), serviceEnv(s, pg), s.port());
                    services.add(pool.submit(() -> launch(supervise(s.name(), TIER_SERVICES, service))));
                }
            }
            awaitAll(services, pool);
        }
        checkStop();
        if (wanted("gateway")) {
            startGateway();
        }
    }

    private Supervised supervise(String name, int tier, Supervised.Starter starter) {
        Supervised s = new Supervised(name, tier, starter, restartPolicy);
        components.put(name, s);
        return s;
    }

    /** Starts (or starts again) a component and returns once it is healthy. */
    private Void launch(Supervised s) throws Exception {
        s.starter().start(run -> {
            s.current(run);
            writeState(null);
        });
        s.backoff().healthy(System.nanoTime());
        return null;
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
            ports.put(Stack.WHATSAPP_PORT, "whatsapp");
        }
        if (wanted(Stack.SANDBOX)) {
            ports.put(Stack.SANDBOX_PORT, Stack.SANDBOX);
        }
        if (wanted(Stack.PAYSTACK)) {
            ports.put(Stack.PAYSTACK_PORT, Stack.PAYSTACK);
        }
        if (wanted(Stack.OIDC)) {
            ports.put(Stack.OIDC_PORT, Stack.OIDC);
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

    private void startPostgres() throws Exception {
        Supervised s = supervise("postgres", TIER_DATA, this::launchPostgres);
        launch(s);
        if (!pg.embedded()) {
            s.notRestartable("it is not ours but " + pg.description() + "; the supervisor only reports when it stops answering");
        }
        for (Stack.Service service : Stack.SERVICES) {
            pg.ensureDatabase(service.database());
        }
    }

    private Running launchPostgres(Consumer<Running> started) {
        Console.starting("postgres");
        long t = System.nanoTime();
        Path data = layout.data().resolve("postgres");
        // the local stack's data must survive a crash: fsync, synchronous_commit and full_page_writes on
        Postgres server = pg == null ? Postgres.resolve(data, Stack.POSTGRES_EMBEDDED_PORT, Postgres.Durability.DURABLE)
                : pg.startAgain();
        pg = server;
        long pid = server.postmasterPid().orElse(0L);
        if (pid > 0) {
            Pids.write(layout.pidFile("postgres"), pid);
        }
        Running run = new Running(
                new StackState.Component("postgres", "postgresql://" + server.host() + ":" + server.port(), server.port(), pid,
                        "tcp:" + server.host() + ":" + server.port(), server.description()),
                () -> {
                    if (pid > 0 && !processAlive(pid)) {
                        // zonky's close() still runs pg_ctl stop (it must: that releases its lock on the data dir)
                        Console.line("    postgres: its postmaster is gone, so the \"Could not stop postmaster\" error next is expected");
                    }
                    server.close();
                    Pids.delete(layout.pidFile("postgres"));
                },
                // the postmaster is not our child (pg_ctl daemonises it): its pid, or for a server not ours its port
                pid > 0 ? () -> processAlive(pid) : () -> Probes.tcpOpen(server.host(), server.port()),
                () -> pid > 0 ? "its postmaster (pid " + pid + ") is gone; exit code unknown, it is not the supervisor's child"
                        : "it stopped answering on " + server.host() + ":" + server.port());
        started.accept(run);
        Console.ready("postgres", server.host() + ":" + server.port()
                + (server.embedded() ? " (embedded, " + (server.durability() == Postgres.Durability.DURABLE ? "fsync on)" : "fsync off)")
                        : " (" + server.description() + ")"), t);
        return run;
    }

    private Running launchKafka(Consumer<Running> started) {
        Console.starting("kafka");
        long t = System.nanoTime();
        // same data dir and ports as before: topics, offsets and the cluster id survive a restart
        KafkaBroker broker = KafkaBroker.start(layout.data().resolve("kafka"), Stack.KAFKA_PORT, Stack.KAFKA_CONTROLLER_PORT,
                layout.log("kafka"));
        Pids.write(layout.pidFile("kafka"), broker.pid());
        Running run = new Running(
                new StackState.Component("kafka", broker.bootstrapServers(), Stack.KAFKA_PORT, broker.pid(),
                        "tcp:" + Stack.HOST + ":" + Stack.KAFKA_PORT, "KRaft, one node; controller :" + Stack.KAFKA_CONTROLLER_PORT),
                () -> {
                    broker.close();
                    Pids.delete(layout.pidFile("kafka"));
                },
                broker::isAlive,
                () -> Running.exitReason(broker.exitCode()));
        started.accept(run);
        Console.ready("kafka", broker.bootstrapServers(), t);
        return run;
    }

    private Void startMail() throws Exception {
        Supervised s = supervise("mail", TIER_INFRA, started -> {
            Console.starting("mail");
            long t = System.nanoTime();
            Mailbox mailbox = Mailbox.start(vertx, Stack.HOST, Stack.SMTP_PORT, Stack.MAILBOX_PORT);
            WhatsAppSimulator whatsApp;
            try {
                whatsApp = WhatsAppSimulator.start(vertx, Stack.HOST, Stack.WHATSAPP_PORT);
            } catch (RuntimeException e) {
                mailbox.close();
                throw e;
            }
            Running run = new Running(
                    new StackState.Component("mail", "http://localhost:" + Stack.MAILBOX_PORT, Stack.MAILBOX_PORT, 0,
                            "http:http://" + Stack.HOST + ":" + Stack.MAILBOX_PORT + "/api/messages",
                            "GreenMail SMTP " + Stack.HOST + ":" + Stack.SMTP_PORT + ", WhatsApp http://localhost:" + Stack.WHATSAPP_PORT),
                    () -> {
                        try {
                            whatsApp.close();
                        } finally {
                            mailbox.close();
                        }
                    }, () -> true, () -> "");
            started.accept(run);
            Console.ready("mail", "smtp " + Stack.HOST + ":" + Stack.SMTP_PORT + ", mailbox http://localhost:" + Stack.MAILBOX_PORT
                    + ", whatsapp http://localhost:" + Stack.WHATSAPP_PORT, t);
            return run;
        });
        s.notRestartable(INSIDE_SUPERVISOR);
        return launch(s);
    }

    /** A child JVM's start: the same jar and environment every time it is started. */
    private Supervised.Starter child(String name, Path jar, Map<String, String> env, int port) {
        Map<String, String> fixed = Map.copyOf(env);
        return started -> startChild(name, jar, fixed, port, started);
    }

    private Running startChild(String name, Path jar, Map<String, String> env, int port, Consumer<Running> started) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": " + layout.show(jar) + " is missing (build it: ./mvnw -B -q install -DskipTests)");
        }
        Console.starting(name);
        long t = System.nanoTime();
        ChildJvm child = ChildJvm.start(name, jar, Stack.SERVICE_JVM_OPTS, env, layout.log(name), layout.pidFile(name),
                layout.state().toString(), Stack.CDS ? layout.cds(name) : null);
        String url = "http://localhost:" + port;
        Running run = new Running(
                new StackState.Component(name, url, port, child.pid(), "http:http://" + Stack.HOST + ":" + port + "/q/health/ready", null),
                () -> child.stop(Stack.SERVICE_STOP_GRACE), child::alive, () -> Running.exitReason(child.exitCode()));
        started.accept(run);
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
        return run;
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
        env.put("RISITI_WHATSAPP_URL", "http://" + Stack.HOST + ":" + Stack.WHATSAPP_PORT);
        env.put("RISITI_PAYSTACK_URL", "http://" + Stack.HOST + ":" + Stack.PAYSTACK_PORT);
        env.put("RISITI_LOCAL_MODE", "true");
        if (wanted(Stack.OIDC)) {
            // "Sign in with Google/Microsoft" signs in at the simulator (deploy/oidc-sandbox): the browser is sent to its
            // authorize page on localhost, auth-service exchanges the code and fetches the keys directly
            for (String provider : List.of("GOOGLE", "MICROSOFT")) {
                String prefix = "RISITI_OAUTH_" + provider + "_";
                env.put(prefix + "AUTHORIZATION_ENDPOINT", Stack.OIDC_ISSUER + "/authorize");
                env.put(prefix + "TOKEN_ENDPOINT", "http://" + Stack.HOST + ":" + Stack.OIDC_PORT + "/token");
                env.put(prefix + "JWKS_URI", "http://" + Stack.HOST + ":" + Stack.OIDC_PORT + "/jwks");
                env.put(prefix + "ISSUER", Stack.OIDC_ISSUER);
                env.put(prefix + "CLIENT_ID", "risiti-local-" + provider.toLowerCase());
                env.put(prefix + "CLIENT_SECRET", "local-oidc-sandbox-secret");
            }
        }
        // people read .risiti/logs: plain lines here; the prod profile's JSON lines are for log stores
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        return env;
    }

    private void startGateway() throws Exception {
        Supervised s = supervise("gateway", TIER_GATEWAY, started -> {
            Console.starting("gateway");
            long t = System.nanoTime();
            Map<String, SocketAddress> upstreams = new LinkedHashMap<>();
            Map<String, String> health = new LinkedHashMap<>();
            for (Stack.Service service : Stack.SERVICES) {
                if (wanted(service.name())) {
                    upstreams.put(service.name(), SocketAddress.inetSocketAddress(service.port(), Stack.HOST));
                    health.put(service.name(), "http://" + Stack.HOST + ":" + service.port());
                }
            }
            if (wanted(Stack.SANDBOX)) {
                health.put(Stack.SANDBOX, "http://" + Stack.HOST + ":" + Stack.SANDBOX_PORT);
            }
            if (wanted(Stack.PAYSTACK)) {
                health.put(Stack.PAYSTACK, "http://" + Stack.HOST + ":" + Stack.PAYSTACK_PORT);
            }
            if (wanted(Stack.OIDC)) {
                health.put(Stack.OIDC, "http://" + Stack.HOST + ":" + Stack.OIDC_PORT);
            }
            Gateway gateway = new Gateway(vertx, upstreams, health, "http://localhost:" + Stack.GATEWAY_PORT,
                    Duration.ofSeconds(5), msg -> Console.line("  gateway: %s", msg));
            gateway.listen(Stack.HOST, Stack.GATEWAY_PORT).toCompletionStage().toCompletableFuture().join();
            Running run = new Running(
                    new StackState.Component("gateway", "http://localhost:" + Stack.GATEWAY_PORT, Stack.GATEWAY_PORT, 0,
                            "http:http://" + Stack.HOST + ":" + Stack.GATEWAY_PORT + "/q/health", "docs: http://localhost:8080/docs"),
                    () -> gateway.close().toCompletionStage().toCompletableFuture().join(), () -> true, () -> "");
            started.accept(run);
            Console.ready("gateway", "http://localhost:" + Stack.GATEWAY_PORT, t);
            return run;
        });
        s.notRestartable(INSIDE_SUPERVISOR);
        launch(s);
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

    void stopAll() {
        if (stoppedAll.getAndSet(true)) {
            return;
        }
        // from here on nothing is started again: the watcher and every restart see this, and restarts under way
        // are interrupted and awaited, so whatever they started is in `components` when the tiers stop below
        stopping.set(true);
        stopSignal.countDown();
        if (!StackState.FAILED.equals(status)) {
            status = StackState.STOPPING;
        }
        if (control != null) {
            control.close();
        }
        awaitRestarts();
        writeState(null);
        Map<Integer, List<Supervised>> byTier = new TreeMap<>(Comparator.reverseOrder());
        synchronized (components) {
            for (Supervised s : components.values()) {
                if (s.current() != null) {
                    byTier.computeIfAbsent(s.tier(), k -> new ArrayList<>()).add(s);
                }
            }
        }
        if (!byTier.isEmpty()) {
            Console.line("risiti: stopping %d component(s)", byTier.values().stream().mapToInt(List::size).sum());
        }
        for (List<Supervised> tier : byTier.values()) {
            List<Thread> threads = new ArrayList<>();
            for (Supervised s : tier) {
                Running r = s.current();
                threads.add(Thread.ofPlatform().name("stop-" + s.name()).start(() -> {
                    long t = System.nanoTime();
                    try {
                        r.stop().run();
                        Console.line("  stopped  %-20s %-42s (%s)", s.name(),
                                r.component().pid() > 0 ? "pid " + r.component().pid() : "in-process", Console.seconds(t));
                    } catch (RuntimeException e) {
                        Console.line("  FAILED   to stop %s: %s", s.name(), rootMessage(e));
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
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        if (!StackState.FAILED.equals(status)) {
            Pids.delete(layout.stateFile());
        }
        Pids.delete(layout.supervisorPid());
        Console.line("risiti: everything stopped");
    }

    private void awaitRestarts() {
        for (Thread t : List.copyOf(restarting)) {
            t.interrupt();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (Thread t : List.copyOf(restarting)) {
            try {
                t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Looks at every component twice a second. A dead one that can be restarted gets its own recovery thread; one
     * that cannot (a PostgreSQL that is not ours) is reported once when it stops answering and once when it is back.
     */
    private void watch() {
        Set<String> reported = new HashSet<>();
        while (!stopping.get()) {
            List<Supervised> snapshot;
            synchronized (components) {
                snapshot = List.copyOf(components.values());
            }
            for (Supervised s : snapshot) {
                Running run = s.current();
                if (stopping.get() || run == null || s.busy()) {
                    continue;
                }
                if (run.alive().getAsBoolean()) {
                    if (reported.remove(s.name())) {
                        Console.line("  back     %-20s answers again", s.name());
                    }
                } else if (s.whyNotRestartable() == null) {
                    if (s.claimRecovery()) {
                        startRestartThread("risiti-restart-" + s.name(), () -> recover(s, run));
                    }
                } else if (reported.add(s.name())) {
                    Console.line("  WARNING  %s is no longer running; not restarted: %s", s.name(), s.whyNotRestartable());
                }
            }
            try {
                if (stopSignal.await(WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void startRestartThread(String name, Runnable work) {
        Thread t = Thread.ofPlatform().daemon().name(name).unstarted(() -> {
            try {
                work.run();
            } finally {
                restarting.remove(Thread.currentThread());
            }
        });
        restarting.add(t);
        if (stopping.get()) {
            restarting.remove(t);
            return;
        }
        t.start();
    }

    /** Starts a dead component again after its backoff, and again (longer backoff) until it is healthy or the stack stops. */
    private void recover(Supervised s, Running dead) {
        try {
            String reason = dead.exitReason().get();
            Running failed = dead;
            long diedAt = System.nanoTime();
            while (!stopping.get()) {
                Backoff.Attempt attempt = s.backoff().died(System.nanoTime());
                Console.line("  died     %-20s %s; restarting in %s (attempt %d)", s.name(), reason,
                        seconds(attempt.delay()), attempt.number());
                if (stopSignal.await(attempt.delay().toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
                s.lock.lockInterruptibly();
                try {
                    Running now = s.current();
                    if (stopping.get() || now != failed) {
                        return; // stopping, or restarted by hand meanwhile
                    }
                    now.stop().run(); // gone already; this closes its handles and removes its pid file
                    s.restarting(Instant.now(), reason);
                    writeState(null);
                    try {
                        launch(s);
                        long pid = s.current().component().pid();
                        Console.line("  restarted %-19s %-42s (attempt %d, back %s after it died; restarts so far: %d)", s.name(),
                                pid > 0 ? "pid " + pid : "", attempt.number(), Console.seconds(diedAt), s.restarts());
                        writeState(null);
                        return;
                    } catch (Exception e) {
                        if (stopping.get() || e instanceof InterruptedException) {
                            return;
                        }
                        reason = "restart attempt " + attempt.number() + " failed: " + rootMessage(e);
                        failed = s.current();
                        if (failed != null && failed.alive().getAsBoolean()) {
                            failed.stop().run(); // alive but never healthy: stop it before the next attempt
                        }
                    }
                } finally {
                    s.lock.unlock();
                }
            }
        } catch (InterruptedException e) {
            // the stack is stopping
        } catch (RuntimeException e) {
            Console.line("  FAILED   to restart %s: %s", s.name(), rootMessage(e));
        } finally {
            s.recoveryDone();
        }
    }

    private static boolean processAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private void writeState(String message) {
        try {
            stateFile.write(() -> {
                List<StackState.Component> comps;
                synchronized (components) {
                    comps = components.values().stream().map(Supervised::state).filter(c -> c != null).toList();
                }
                ControlServer c = control;
                return new StackState(status, ProcessHandle.current().pid(), startedAt.toString(), readyAfterMs, message,
                        c == null ? null : c.port(), c == null ? null : c.token(), comps);
            });
        } catch (IOException e) {
            Console.line("warning: cannot write %s: %s", layout.show(stateFile.path()), e);
        }
    }

    private void summary() {
        Console.line("");
        Console.line("risiti: local stack ready in %s", Console.seconds(t0));
        Console.line("  %-20s %-42s %s", "NAME", "URL", "PID");
        List<Supervised> all;
        synchronized (components) {
            all = components.values().stream().filter(s -> s.current() != null)
                    .sorted(Comparator.comparingInt(Supervised::tier)).toList();
        }
        for (Supervised s : all) {
            StackState.Component c = s.current().component();
            Console.line("  %-20s %-42s %s", s.name(), c.url(),
                    c.pid() > 0 ? Long.toString(c.pid()) : "in supervisor " + ProcessHandle.current().pid());
        }
        if (wanted("gateway")) {
            Console.line("  API docs: http://localhost:%d/docs   OpenAPI: http://localhost:%d/docs/openapi.json",
                    Stack.GATEWAY_PORT, Stack.GATEWAY_PORT);
        }
        Console.line("  logs: ./risiti logs <name>   status: ./risiti status   restart one: ./risiti restart <name>");
        Console.line("  stop: Ctrl-C in the foreground, else ./risiti down");
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
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
