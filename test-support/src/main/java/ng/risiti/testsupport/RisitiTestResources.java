package ng.risiti.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import ng.risiti.infra.KafkaBroker;
import ng.risiti.infra.Ports;
import ng.risiti.infra.Postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Real infrastructure for a service's {@code @QuarkusTest}s, without Docker:
 *
 * <pre>
 * &#64;QuarkusTestResource(value = RisitiTestResources.class, restrictToAnnotatedClass = false,
 *         initArgs = &#64;ResourceArg(name = "service", value = "invoice"))
 * </pre>
 *
 * Once per test JVM it starts a Kafka broker (child JVM, free ports, temp dir) and resolves PostgreSQL
 * ({@code $DATABASE_URL}, else 127.0.0.1:5432, else embedded on a free port). Each {@code start()} makes sure
 * {@code risiti_<service>_test} was dropped and recreated once in this JVM and returns the datasource and Kafka
 * config. {@link #stop()} stops nothing: the broker and the database live until the JVM exits (shutdown hook).
 *
 * <p>Quarkus may load this class in more than one class loader per JVM (test profiles, restarts); the
 * infrastructure is still started only once: its coordinates are published as system properties
 * ({@code risiti.test.*}) and later class loaders attach to them.
 */
public class RisitiTestResources implements QuarkusTestResourceLifecycleManager {

    private static final System.Logger LOG = System.getLogger(RisitiTestResources.class.getName());

    static final String PROP_KAFKA = "risiti.test.kafka.bootstrap-servers";
    static final String PROP_POSTGRES_URL = "risiti.test.postgres.url";
    static final String PROP_POSTGRES_DESCRIPTION = "risiti.test.postgres.description";
    static final String PROP_RECREATED = "risiti.test.recreated-databases";
    static final String PROP_KAFKA_PID = "risiti.test.kafka.pid";
    static final String PROP_KAFKA_RESTART = "risiti.test.kafka.restart";
    private static final String LOCK_KEY = "risiti.test.lock";
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9_]+");

    /** this class loader's view of the shared infrastructure */
    private static volatile Shared shared;

    private String service = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        String value = initArgs.get("service");
        if (value != null && !value.isBlank()) {
            service = value.trim().toLowerCase().replace('-', '_');
        }
        if (!SERVICE.matcher(service).matches()) {
            throw new IllegalArgumentException("service must match [a-z0-9_]+: " + value);
        }
    }

    @Override
    public Map<String, String> start() {
        Shared infra = shared();
        String database = databaseName(service);
        recreateOnce(infra.postgres, database);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.reactive.url", infra.postgres.reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", infra.postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", infra.postgres.username());
        config.put("quarkus.datasource.password", infra.postgres.password());
        config.put("kafka.bootstrap.servers", infra.kafkaBootstrapServers);
        // no Docker here: Dev Services could only fail
        config.put("quarkus.devservices.enabled", "false");
        return config;
    }

    @Override
    public void stop() {
        // nothing: broker and database stay up for the whole JVM and are closed by a shutdown hook
    }

    /** {@code risiti_<service>_test} */
    public static String databaseName(String service) {
        return "risiti_" + service + "_test";
    }

    /** The shared token services send to each other's {@code /internal/*} endpoints, as the service under test has it. */
    public static String serviceToken() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("risiti.internal.service-token", String.class);
    }

    /** The test broker's bootstrap servers ({@code 127.0.0.1:<port>}); starts the infrastructure if needed. */
    public static String kafkaBootstrapServers() {
        return shared().kafkaBootstrapServers;
    }

    /**
     * Stops the test broker (SIGTERM, as an outage would look to clients) and waits until it is gone; {@link #startKafka()}
     * brings it back on the same port with the same data. For tests of what happens while Kafka is away.
     */
    public static void stopKafka() {
        shared();
        synchronized (jvmLock()) {
            ProcessHandle.of(Long.parseLong(System.getProperty(PROP_KAFKA_PID))).ifPresent(broker -> {
                broker.destroy();
                try {
                    broker.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    broker.destroyForcibly();
                }
            });
        }
    }

    /** Starts the test broker again after {@link #stopKafka()}: same port, same data. */
    public static void startKafka() {
        shared();
        synchronized (jvmLock()) {
            String[] restart = System.getProperty(PROP_KAFKA_RESTART).split("\\|");
            KafkaBroker broker = KafkaBroker.start(Path.of(restart[0]), Integer.parseInt(restart[1]), Integer.parseInt(restart[2]),
                    Path.of(restart[3]));
            System.setProperty(PROP_KAFKA_PID, Long.toString(broker.pid()));
        }
    }

    /** The test PostgreSQL server; starts the infrastructure if needed. */
    public static Postgres postgres() {
        return shared().postgres;
    }

    /** Where the test PostgreSQL comes from, e.g. "embedded PostgreSQL 18.1 on 127.0.0.1:41234 (data: ...)". */
    public static String postgresDescription() {
        return shared().postgresDescription;
    }

    // ---------------------------------------------------------------------------------------------------------

    private record Shared(String kafkaBootstrapServers, Postgres postgres, String postgresDescription) {
    }

    private static Object jvmLock() {
        // string literals are interned JVM-wide, so every class loader sees the same lock object; a non-String
        // value in System.getProperties() would break libraries that copy system properties (Narayana)
        return LOCK_KEY;
    }

    /**
     * Starts the infrastructure on a thread of its own ({@link EarlyTestInfrastructure}); a test resource that asks for
     * it meanwhile waits for it. A failure here is only logged: the first test that needs the infrastructure tries
     * again and fails with it.
     */
    static void startInBackground() {
        Thread starter = new Thread(() -> {
            try {
                shared();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "starting the test infrastructure early failed; the tests will try again: {0}",
                        e.toString());
            }
        }, "risiti-test-infra-starter");
        starter.setDaemon(true);
        starter.start();
    }

    private static Shared shared() {
        Shared current = shared;
        if (current != null) {
            return current;
        }
        synchronized (jvmLock()) {
            if (shared != null) {
                return shared;
            }
            String bootstrap = System.getProperty(PROP_KAFKA);
            String url = System.getProperty(PROP_POSTGRES_URL);
            if (bootstrap != null && url != null) {
                String databaseUrl = System.getenv("DATABASE_URL");
                Postgres postgres = databaseUrl != null && !databaseUrl.isBlank()
                        ? Postgres.fromUrl(databaseUrl.trim())
                        : Postgres.fromUrl(url);
                shared = new Shared(bootstrap, postgres, System.getProperty(PROP_POSTGRES_DESCRIPTION, url));
            } else {
                shared = startInfrastructure();
            }
            return shared;
        }
    }

    private static Shared startInfrastructure() {
        long started = System.nanoTime();
        Path dataRoot;
        Path logDir;
        try {
            dataRoot = Files.createTempDirectory("risiti-test-");
            // logs outlive the JVM for post-mortems: target/ of the module under test when there is one
            Path target = Path.of("target");
            logDir = Files.isDirectory(target) ? target.resolve("risiti-test-infra") : dataRoot;
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp dir for the test infrastructure", e);
        }
        long pid = ProcessHandle.current().pid();
        Path kafkaLog = logDir.resolve("kafka-" + pid + ".log").toAbsolutePath();

        // throwaway databases in a temp dir: no fsync, since a crash only means running the tests again
        CompletableFuture<Postgres> postgresFuture =
                CompletableFuture.supplyAsync(() -> Postgres.resolve(dataRoot.resolve("pgdata"), 0, Postgres.Durability.FAST));
        KafkaBroker broker = null;
        int kafkaPort = 0;
        int controllerPort = 0;
        // a port found free may be taken as a client's ephemeral port before the broker binds it: try other ports
        for (int attempt = 1; broker == null; attempt++) {
            kafkaPort = Ports.free();
            controllerPort = Ports.free();
            try {
                broker = KafkaBroker.start(dataRoot.resolve("kafka"), kafkaPort, controllerPort, kafkaLog);
            } catch (RuntimeException e) {
                if (attempt < 3 && String.valueOf(e.getMessage()).contains("already in use")) {
                    continue;
                }
                postgresFuture.thenAccept(Postgres::close);
                throw e;
            }
        }
        Postgres postgres;
        try {
            postgres = postgresFuture.join();
        } catch (CompletionException e) {
            broker.close();
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }

        KafkaBroker running = broker;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long brokerPid = running.pid();
            running.close();
            postgres.close();
            ProcessHandle.of(brokerPid).ifPresent(h -> {
                try {
                    h.onExit().get(20, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // best effort
                }
            });
            deleteRecursively(dataRoot);
        }, "risiti-test-infra-stopper"));

        String description = postgres.description();
        System.setProperty(PROP_KAFKA, broker.bootstrapServers());
        System.setProperty(PROP_KAFKA_PID, Long.toString(broker.pid()));
        System.setProperty(PROP_KAFKA_RESTART, String.join("|", dataRoot.resolve("kafka").toString(), Integer.toString(kafkaPort),
                Integer.toString(controllerPort), kafkaLog.toString()));
        System.setProperty(PROP_POSTGRES_URL, "postgresql://" + enc(postgres.username()) + ":" + enc(postgres.password())
                + "@" + postgres.host() + ":" + postgres.port() + "/postgres");
        System.setProperty(PROP_POSTGRES_DESCRIPTION, description);
        LOG.log(System.Logger.Level.INFO, "risiti test infrastructure up in {0} ms: Kafka {1} (log {2}); {3}",
                Long.toString(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)),
                broker.bootstrapServers(), kafkaLog, description);
        return new Shared(broker.bootstrapServers(), postgres, description);
    }

    /** Drop and recreate the database the first time any class loader of this JVM asks for it. */
    private static void recreateOnce(Postgres postgres, String database) {
        synchronized (jvmLock()) {
            Set<String> done = Arrays.stream(System.getProperty(PROP_RECREATED, "").split(","))
                    .filter(s -> !s.isBlank())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (done.contains(database)) {
                return;
            }
            postgres.recreateDatabase(database);
            done.add(database);
            System.setProperty(PROP_RECREATED, String.join(",", done));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }
}
