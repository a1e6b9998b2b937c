package ng.risiti.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Invoice create, finalize and read through the gateway, next to what the database can do with the same durable work,
 * measured in the same run on the running stack (./risiti up --detach):
 * <ol>
 * <li>the database: one create's durable work (counter upsert, invoice, 3 lines, aggregate version, outbox row) as
 * one statement, run by pgbench (else an equivalent JDBC loop) with the same number of clients, on the stack's
 * PostgreSQL, in a scratch database;</li>
 * <li>the API, closed loop: N connections sending as fast as answers come, after a warm-up that lasts until the
 * services' JIT compilers have settled ({@link #warmUp});</li>
 * <li>the API, open loop at half the rate it just reached: requests sent on a fixed schedule, latency counted from the
 * scheduled time (so a stall is not hidden by the client waiting).</li>
 * </ol>
 * The same for finalize (RSA signing included) and GET /invoices/{id}. Each load thread keeps its own blocking
 * connection, as wrk does ({@link KeepAliveHttp}; {@code -Dclient=jdk} sends through the JDK's HttpClient instead).
 * CPU per request per component comes from /proc. Last line:
 * {@code invoice-create: API R req/s, database D tx/s, ratio X.XX, p99 at half load P ms}.
 *
 * <p>Usage: java -cp ... ng.risiti.bench.InvoiceThroughput [base-url] [seconds] [connections] [create-only]
 */
public final class InvoiceThroughput {

    private static final int WARM_UP_SECONDS = Integer.getInteger("warmup", 120);
    /** After the warm-up's least seconds: rounds of this many seconds until the JIT settles, up to -Dwarmup-max. */
    private static final int WARM_UP_ROUND_SECONDS = 20;
    private static final int WARM_UP_MAX_SECONDS = Integer.getInteger("warmup-max", 900);
    /** Methods all services may compile in one round once settled (a few a second: rarely used paths, never done). */
    private static final int SETTLED_COMPILES_PER_ROUND = Integer.getInteger("warmup-settled", 40);

    private final Api api;
    private final int seconds;
    private final int connections;
    private final String body;
    private final LocalStack stack = LocalStack.here();

    private InvoiceThroughput(Api api, int seconds, int connections, String customer) {
        this.api = api;
        this.seconds = seconds;
        this.connections = connections;
        this.kept = new KeepAliveHttp[connections];
        for (int c = 0; c < connections; c++) {
            kept[c] = new KeepAliveHttp(api.base, api.key);
        }
        LocalDate today = LocalDate.now();
        this.body = """
                {"customer_id":"%s","issue_date":"%s","due_date":"%s","line_items":[
                 {"description":"Consulting","quantity":10,"unit_price":35000},
                 {"description":"Support","quantity":2.5,"unit_price":12000,"discount_percent":5},
                 {"description":"Licences","quantity":3,"unit_price":8000.5}]}""".formatted(customer, today, today.plusDays(30));
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        // "create-only" skips the database reference and the other operations: for profiling one service under load
        boolean createOnly = args.length > 3 && "create-only".equals(args[3]);
        // "open:<rate>": only the open-loop create at that rate (after the warm-up), for finding where its tail comes from
        Double openRate = args.length > 3 && args[3].startsWith("open:") ? Double.valueOf(args[3].substring(5)) : null;
        // "database-open:<rate>": only the database reference at that rate, open loop: the floor under the API's tail, on its own
        Double databaseRate = args.length > 3 && args[3].startsWith("database-open:") ? Double.valueOf(args[3].substring(14)) : null;

        Api api = new Api(base).asNewTenant("Throughput Bench Ltd").onPlan("enterprise");
        String customer = api.customer(1);
        // -Dtarget=http://localhost:8083 sends the measured requests straight to invoice-service, past the gateway
        Api measured = api;
        String target = System.getProperty("target");
        if (target != null) {
            measured = new Api(target);
            measured.key = api.key;
            measured.tenantId = api.tenantId;
        }
        InvoiceThroughput bench = new InvoiceThroughput(measured, seconds, connections, customer);
        System.out.printf("%s, %d connections, %d s per phase; tenant %s on the enterprise plan%s%n", base, connections, seconds, api.tenantId,
                IDEMPOTENT ? "; each create with an Idempotency-Key" : "");

        if (databaseRate != null) {
            bench.databaseOpenLoop(databaseRate);
            return;
        }
        if (openRate != null) {
            bench.warmUp();
            bench.createOpenLoops(openRate);
            return;
        }
        if (createOnly) {
            bench.warmUp();
            bench.closedLoop("invoice-create", bench::create);
            return;
        }
        double database = bench.databaseReference(false);
        System.out.printf("database (same durable work, one statement, %d clients): %.0f tx/s%n", connections, database);
        double withNotify = bench.databaseReference(true);
        System.out.printf("database with the old outbox NOTIFY trigger: %.0f tx/s (%.0f%% of without)%n", withNotify,
                withNotify / database * 100);

        // C2 needs a few minutes of load before the services (six JVMs on two cores) reach their steady state
        bench.warmUp();
        Result create = bench.closedLoop("invoice-create", bench::create);
        double createHalf = bench.createOpenLoops(create.rate / 2);
        // the floor under that p99: the database alone, same durable work, same schedule, nothing else loaded
        double databaseHalf = bench.databaseOpenLoop(create.rate / 2);
        // as a careful integrator creates: the key's claim and stored answer join the create's transaction (ADR 6)
        Result keyed = IDEMPOTENT ? create : bench.closedLoop("invoice-create with an Idempotency-Key", bench::createWithKey);

        List<String> drafts = new ArrayList<>(bench.createdIds);
        Result finalize = bench.closedLoop("invoice-finalize", () -> bench.finalizeNext(drafts));
        double finalizeHalf = bench.openLoop("invoice-finalize", () -> bench.finalizeNext(drafts), finalize.rate / 2);

        List<String> readable = new ArrayList<>(bench.createdIds);
        Result read = bench.closedLoop("invoice-get", () -> bench.get(readable));
        double readHalf = bench.openLoop("invoice-get", () -> bench.get(readable), read.rate / 2);

        System.out.printf("invoice-create with an Idempotency-Key: API %.0f req/s, %.0f%% of the rate without%n", keyed.rate,
                keyed.rate / create.rate * 100);
        System.out.printf("invoice-finalize: API %.0f req/s, p99 at half load %.1f ms%n", finalize.rate, finalizeHalf);
        System.out.printf("invoice-get: API %.0f req/s, p99 at half load %.1f ms%n", read.rate, readHalf);
        System.out.printf("database alone at the API's half load (%.0f tx/s, open loop): p99 %.1f ms%n", create.rate / 2, databaseHalf);
        System.out.printf("invoice-create: API %.0f req/s, database %.0f tx/s, ratio %.2f, p99 at half load %.1f ms%n", create.rate, database,
                create.rate / database, createHalf);
    }

    private record Result(double rate, Latencies latencies) {
    }

    private interface Call {
        /** Sends one request; null when it got the answer it should, else what it got instead. */
        String send() throws Exception;
    }

    private static String expect(KeepAliveHttp.Reply response, int status) {
        return response.status() == status ? null : "HTTP " + response.status();
    }

    /** -Dclient=jdk: the measured requests through the JDK's HttpClient, as before (its hand-offs count in the latency). */
    private static final boolean JDK_CLIENT = "jdk".equals(System.getProperty("client"));
    private final ThreadLocal<KeepAliveHttp> connection = new ThreadLocal<>();
    /** One per load thread, kept from phase to phase as a connection pool keeps them: no phase times a TCP connect. */
    private final KeepAliveHttp[] kept;

    /** One measured request on this load thread's connection. */
    private KeepAliveHttp.Reply send(String method, String path, String body) throws Exception {
        return send(method, path, null, body);
    }

    private KeepAliveHttp.Reply send(String method, String path, String idempotencyKey, String body) throws Exception {
        if (JDK_CLIENT) {
            HttpResponse<String> response = api.send(method, path, idempotencyKey, body, false);
            return new KeepAliveHttp.Reply(response.statusCode(), response.body());
        }
        return connection.get().send(method, path, idempotencyKey, body);
    }

    private final ConcurrentLinkedQueue<String> createdIds = new ConcurrentLinkedQueue<>();

    /** -Dnumbered=false: each invoice brings its own number, so creates never wait on the tenant's counter row. */
    private static final boolean NUMBERED = !"false".equals(System.getProperty("numbered"));

    /**
     * -Didempotent=true: every create with an {@code Idempotency-Key} of its own, as a careful integrator sends it; the
     * key's claim and stored answer share the create's transaction (ADR 6). A full run measures that in a closed loop
     * of its own anyway.
     */
    private static final boolean IDEMPOTENT = Boolean.getBoolean("idempotent");

    private String create() throws Exception {
        return create(IDEMPOTENT);
    }

    private String createWithKey() throws Exception {
        return create(true);
    }

    private String create(boolean withKey) throws Exception {
        String sent = NUMBERED ? body : body.replaceFirst("\\{", "{\"invoice_number\":\"B-" + UUID.randomUUID() + "\",");
        KeepAliveHttp.Reply response = send("POST", "/api/v1/invoices", withKey ? UUID.randomUUID().toString() : null, sent);
        if (response.status() != 201) {
            return expect(response, 201);
        }
        String json = response.body();
        int at = json.indexOf("\"id\":\"");
        createdIds.add(json.substring(at + 6, at + 42));
        return null;
    }

    private int next;

    private String finalizeNext(List<String> drafts) throws Exception {
        String id;
        synchronized (this) {
            if (next >= drafts.size()) {
                return "no draft left";
            }
            id = drafts.get(next++);
        }
        return expect(send("POST", "/api/v1/invoices/" + id + "/finalize", null), 200);
    }

    private String get(List<String> ids) throws Exception {
        String id = ids.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(ids.size()));
        return expect(send("GET", "/api/v1/invoices/" + id, null), 200);
    }

    /**
     * Creates for at least -Dwarmup seconds, then in rounds until the services' JIT compilers have settled (fewer than
     * -Dwarmup-settled methods compiled by all of them in a round), at most -Dwarmup-max seconds in all. On a 2-core
     * machine six service JVMs kept compiling through ten minutes of load; measured at two minutes, a third to a half of
     * a service's CPU at half load was its compilers (bench/README.md). Without jstat it stops after -Dwarmup seconds.
     */
    private void warmUp() throws Exception {
        JitActivity jit = new JitActivity(stack);
        Latencies latencies = new Latencies();
        long start = System.nanoTime();
        phase("warm-up", this::create, WARM_UP_SECONDS, latencies, false);
        int spent = WARM_UP_SECONDS;
        OptionalLong before = jit.compiled();
        while (before.isPresent() && spent + WARM_UP_ROUND_SECONDS <= WARM_UP_MAX_SECONDS) {
            phase("warm-up", this::create, WARM_UP_ROUND_SECONDS, latencies, false);
            spent += WARM_UP_ROUND_SECONDS;
            OptionalLong after = jit.compiled();
            if (after.isEmpty()) {
                break;
            }
            long compiled = after.getAsLong() - before.getAsLong();
            System.out.printf("    warm-up: %d s, the services' JIT compiled %d methods in the last %d s%n", spent, compiled,
                    WARM_UP_ROUND_SECONDS);
            if (compiled < SETTLED_COMPILES_PER_ROUND) {
                break;
            }
            before = after;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("warm-up: %.0f s, %.0f req/s, %s, %s%s%n", elapsed, latencies.count() / elapsed, latencies.summary(),
                latencies.errorSummary(), before.isEmpty() ? " (no jstat: the JIT was not watched)" : "");
    }

    private Result closedLoop(String name, Call call) throws Exception {
        Latencies latencies = new Latencies();
        double rate = phase(name + " (closed loop)", call, seconds, latencies, true);
        return new Result(rate, latencies);
    }

    /**
     * Runs {@code call} on every connection for {@code duration} seconds, printing a summary if {@code print}; returns
     * requests per second.
     */
    private double phase(String name, Call call, int duration, Latencies latencies, boolean print) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ProcessCpu cpu = cpu();
        Map<String, Double> before = cpu.sample();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
            for (int c = 0; c < connections; c++) {
                KeepAliveHttp own = kept[c];
                pool.submit(() -> {
                    connection.set(own);
                    while (!stop.get()) {
                        long t = System.nanoTime();
                        try {
                            String problem = call.send();
                            if (problem == null) {
                                latencies.add(System.nanoTime() - t);
                            } else {
                                latencies.error(problem);
                            }
                        } catch (Exception e) {
                            latencies.error(e.getClass().getSimpleName());
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(duration * 1000L);
            stop.set(true);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double rate = latencies.count() / elapsed;
        if (print) {
            System.out.printf("%s: %.0f req/s, %s, %s%n    CPU: %s%n", name, rate, latencies.summary(), latencies.errorSummary(),
                    ProcessCpu.perRequest(before, cpu.sample(), latencies.count(), elapsed));
        }
        return rate;
    }

    private ProcessCpu cpu() {
        return new ProcessCpu(stack, "gateway", "invoice-service", "customer-service", "webhook-service", "nrs-gateway-service", "billing-service",
                "kafka");
    }

    /**
     * -Dsamples=N open loops of creates at that rate, and the median p99: one 30 s open loop is one sample of a wide
     * distribution (bench/README).
     */
    private double createOpenLoops(double rate) throws Exception {
        int samples = Integer.getInteger("samples", 1);
        double[] p99s = new double[samples];
        for (int i = 0; i < samples; i++) {
            p99s[i] = openLoop("invoice-create", this::create, rate);
        }
        Arrays.sort(p99s);
        if (samples > 1) {
            System.out.printf("invoice-create p99 at %.0f req/s, %d open loops: %s ms; median %.1f ms%n", rate, samples,
                    Arrays.stream(p99s).mapToObj(p -> String.format("%.1f", p)).collect(Collectors.joining(", ")),
                    p99s[samples / 2]);
        }
        return p99s[samples / 2];
    }

    /**
     * Sends at a fixed rate from as many senders as the closed loop has connections (as wrk2 does): each has its share
     * of the schedule and sends a request when it is due, or as soon as its previous answer came if it is late.
     * Latency counts from the scheduled time, so a stall is not hidden by requests that were never sent. Returns p99 in
     * ms.
     */
    private double openLoop(String name, Call call, double rate) throws Exception {
        System.out.printf("    (%d s for the stack to catch up on the previous phase's events)%n", ProcessCpu.awaitQuiet(20, 60));
        Latencies latencies = new Latencies();
        long interval = (long) (1e9 * connections / rate);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        Timeline timeline = Boolean.getBoolean("timeline") ? new Timeline(System.currentTimeMillis()) : null;
        ProcessCpu cpu = cpu();
        Map<String, Double> before = cpu.sample();
        try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
            for (int c = 0; c < connections; c++) {
                long first = start + c * interval / connections;
                KeepAliveHttp own = kept[c];
                pool.submit(() -> {
                    connection.set(own);
                    for (long due = first; due < end; due += interval) {
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        try {
                            String problem = call.send();
                            if (problem == null) {
                                long latency = System.nanoTime() - due;
                                latencies.add(latency);
                                if (timeline != null) {
                                    timeline.add(due - start, latency);
                                }
                            } else {
                                latencies.error(problem);
                            }
                        } catch (Exception e) {
                            latencies.error(e.getClass().getSimpleName());
                        }
                    }
                    return null;
                });
            }
        }
        if (timeline != null) {
            timeline.print();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s (open loop at %.0f req/s, half the closed-loop rate, %d connections): %s, %s%n    CPU: %s%n", name, rate,
                connections, latencies.summary(), latencies.errorSummary(), ProcessCpu.perRequest(before, cpu.sample(), latencies.count(), elapsed));
        return latencies.percentileMillis(99);
    }

    /** -Dtimeline=true: the open loop's worst latency per second, by wall clock, to line stalls up with logs. */
    private static final class Timeline {
        private final long startMillis;
        private final java.util.TreeMap<Long, long[]> perSecond = new java.util.TreeMap<>();

        Timeline(long startMillis) {
            this.startMillis = startMillis;
        }

        synchronized void add(long sinceStartNanos, long latencyNanos) {
            long[] second = perSecond.computeIfAbsent(sinceStartNanos / 1_000_000_000L, s -> new long[2]);
            second[0]++;
            second[1] = Math.max(second[1], latencyNanos);
        }

        synchronized void print() {
            perSecond.forEach((second, counts) -> System.out.printf("  %s  %4d requests, max %6.1f ms%n",
                    java.time.Instant.ofEpochMilli(startMillis + second * 1000), counts[0], counts[1] / 1e6));
        }
    }

    /** One create's durable work as one statement, by pgbench (or a JDBC loop) on the same server. */
    private double databaseReference(boolean notifyTrigger) throws Exception {
        String[] reference = referenceDatabase(notifyTrigger);
        if (pgbenchAvailable()) {
            return pgbench(stack.postgres(), reference[1], reference[2], reference[3]);
        }
        return jdbcLoop(reference[0], reference[1], reference[2], reference[3]);
    }

    /** The reference statement at a fixed rate over JDBC, scheduled as {@link #openLoop} schedules requests; p99 in ms. */
    private double databaseOpenLoop(double rate) throws Exception {
        String[] reference = referenceDatabase(false);
        // every sender's connection opened and its statement planned before the schedule starts: a connection opened
        // inside the first due call (SCRAM, a cold driver) stalls that sender's whole share of the schedule behind it
        List<Connection> opened = new ArrayList<>();
        java.util.Queue<PreparedStatement> ready = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int c = 0; c < connections; c++) {
            Connection db = DriverManager.getConnection(reference[0], reference[1], reference[2]);
            opened.add(db);
            PreparedStatement create = db.prepareStatement(reference[3]);
            create.execute();
            ready.add(create);
        }
        ThreadLocal<PreparedStatement> statements = ThreadLocal.withInitial(ready::remove);
        try {
            return openLoop("database alone", () -> {
                try {
                    statements.get().execute();
                    return null;
                } catch (SQLException e) {
                    String message = String.valueOf(e.getMessage());
                    return e.getSQLState() + " " + message.substring(0, Math.min(80, message.length()));
                }
            }, rate);
        } finally {
            for (Connection db : opened) {
                db.close();
            }
        }
    }

    /** A fresh scratch database with the reference schema: {url, user, password, the create statement}. */
    private String[] referenceDatabase(boolean notifyTrigger) throws Exception {
        String[] hostPort = stack.postgres();
        String user = System.getenv().getOrDefault("PGUSER", "postgres");
        String password = System.getenv().getOrDefault("PGPASSWORD", "");
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + hostPort[0] + ":" + hostPort[1] + "/postgres", user,
                password); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists risiti_bench_reference");
            sql.execute("create database risiti_bench_reference");
        }
        String url = "jdbc:postgresql://" + hostPort[0] + ":" + hostPort[1] + "/risiti_bench_reference";
        try (Connection db = DriverManager.getConnection(url, user, password); Statement sql = db.createStatement()) {
            sql.execute(new String(InvoiceThroughput.class.getResourceAsStream("reference-schema.sql").readAllBytes()));
            if (notifyTrigger) {
                // what the relay used to be woken by: every committing transaction that wrote an event queued on the notify lock
                sql.execute("""
                        create function outbox_events_notify() returns trigger language plpgsql as $$
                        begin perform pg_notify('risiti_outbox', ''); return null; end $$;
                        create trigger outbox_events_notify after insert on outbox_events
                            for each statement execute function outbox_events_notify()""");
            }
        }
        String statement = new String(InvoiceThroughput.class.getResourceAsStream("reference-create.sql").readAllBytes())
                .replace(":tenant", "'" + UUID.randomUUID() + "'::uuid");
        return new String[] {url, user, password, statement};
    }

    private static boolean pgbenchAvailable() {
        try {
            return new ProcessBuilder("pgbench", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private double pgbench(String[] hostPort, String user, String password, String statement) throws Exception {
        Path script = Files.createTempFile("risiti-reference-", ".sql");
        Files.writeString(script, statement.replace("\n", " ") + "\n");
        ProcessBuilder builder = new ProcessBuilder("pgbench", "-n", "-c", Integer.toString(connections), "-j", "2", "-T",
                Integer.toString(seconds), "-f", script.toString(), "-h", hostPort[0], "-p", hostPort[1], "-U", user, "risiti_bench_reference")
                .redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", password);
        Process pgbench = builder.start();
        String output = new String(pgbench.getInputStream().readAllBytes());
        pgbench.waitFor();
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        // pgbench still prints a tps when its clients aborted on an error: a rate of a run cut short is no reference
        if (!tps.find() || output.contains("aborted")) {
            throw new IllegalStateException("pgbench said: " + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    private double jdbcLoop(String url, String user, String password, String statement) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
            for (int c = 0; c < connections; c++) {
                pool.submit(() -> {
                    try (Connection db = DriverManager.getConnection(url, user, password);
                            PreparedStatement create = db.prepareStatement(statement)) {
                        while (!stop.get()) {
                            create.execute();
                            done.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(seconds * 1000L);
            stop.set(true);
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }
}
