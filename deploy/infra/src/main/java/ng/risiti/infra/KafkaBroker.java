package ng.risiti.infra;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real Apache Kafka broker (KRaft, one node acting as broker and controller) running in a child JVM.
 *
 * <p>The child runs {@code ng.risiti.kafkabroker.BrokerMain} from the {@code risiti-kafka-broker} artifact with
 * the classpath that module recorded at build time ({@code ng/risiti/kafkabroker/classpath.txt}), so none of
 * Kafka's jars are on this JVM's classpath. The child watches this JVM and exits when it is gone; a shutdown
 * hook here closes it too.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(KafkaBroker.class.getName());

    static final String RESOURCE_DIR = "ng/risiti/kafkabroker/";
    static final String CLASSPATH_RESOURCE = RESOURCE_DIR + "classpath.txt";
    static final String BUILD_PROPERTIES_RESOURCE = RESOURCE_DIR + "build.properties";
    static final String MAIN_CLASS = "ng.risiti.kafkabroker.BrokerMain";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final String HOST = "127.0.0.1";

    private final Process process;
    private final int port;
    private final Path logFile;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;

    private KafkaBroker(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::close, "risiti-kafka-broker-stopper-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Formats a KRaft storage dir (if empty) and starts a one-node broker+controller child JVM on 127.0.0.1:port
     * (controller on controllerPort); blocks until a client can fetch cluster metadata (timeout 60 s, failing with
     * a message that includes the tail of the broker log). Broker stdout/stderr go to logFile (appended).
     */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort, Path logFile) {
        long started = System.nanoTime();
        if (Ports.isOpen(HOST, port, 300)) {
            throw new IllegalStateException("cannot start Kafka on " + HOST + ":" + port
                    + ": the port is already in use (another broker still running?)");
        }
        if (Ports.isOpen(HOST, controllerPort, 300)) {
            throw new IllegalStateException("cannot start the Kafka controller on " + HOST + ":" + controllerPort
                    + ": the port is already in use (another broker still running?)");
        }
        Path data = dataDir.toAbsolutePath();
        Path log = logFile.toAbsolutePath();
        long logOffset;
        Process process;
        try {
            Files.createDirectories(data);
            if (log.getParent() != null) {
                Files.createDirectories(log.getParent());
            }
            Path properties = data.resolve("server.properties");
            Files.writeString(properties, serverProperties(data, port, controllerPort));
            logOffset = Files.exists(log) ? Files.size(log) : 0;

            List<String> command = new ArrayList<>();
            command.add(javaExecutable());
            command.addAll(jvmOptions());
            String classpath = childClasspath();
            command.addAll(classDataArchive(classpath));
            command.add("-cp");
            command.add(classpath);
            command.add(MAIN_CLASS);
            command.add("--parent-pid");
            command.add(Long.toString(ProcessHandle.current().pid()));
            command.add(properties.toString());

            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(data.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
            Map<String, String> env = builder.environment();
            // keep the child isolated from whatever the parent JVM was given
            env.remove("CLASSPATH");
            env.remove("JAVA_TOOL_OPTIONS");
            env.remove("JDK_JAVA_OPTIONS");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker (data " + data + ", log " + log + ")", e);
        }

        KafkaBroker broker = new KafkaBroker(process, port, log);
        try {
            broker.awaitReady(logOffset);
        } catch (RuntimeException | Error e) {
            broker.close();
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "Kafka broker (pid {0}) ready on {1} in {2} ms (data {3}, log {4})",
                Long.toString(process.pid()), broker.bootstrapServers(),
                Long.toString(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)), data, log);
        return broker;
    }

    /** {@code 127.0.0.1:<port>} */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The broker JVM's exit code once it has exited (128 + n when a signal n ended it), else empty. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** SIGTERM (Kafka shuts down cleanly), wait up to 15 s, then kill -9. Idempotent. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | SecurityException ignored) {
            // already shutting down: this is the hook
        }
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "Kafka broker (pid {0}) did not stop within {1} s; killing it",
                        Long.toString(process.pid()), STOP_TIMEOUT.toSeconds());
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers() + ", pid " + process.pid() + ", log " + logFile + "]";
    }

    // ---------------------------------------------------------------------------------------------------------

    static String serverProperties(Path data, int port, int controllerPort) {
        Path logs = data.resolve("kafka-logs");
        return String.join("\n",
                "# written by ng.risiti.infra.KafkaBroker on every start",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + HOST + ":" + controllerPort,
                "listeners=PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + HOST + ":" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logs.toString().replace("\\", "/"),
                "num.partitions=3",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=3",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "auto.create.topics.enable=false",
                "delete.topic.enable=true",
                "group.initial.rebalance.delay.ms=0",
                "num.network.threads=2",
                "num.io.threads=4",
                "log.retention.hours=168",
                "")
                ;
    }

    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of(
                "-Xms256m",
                "-Xmx512m",
                "-XX:+UseG1GC",
                "-XX:MaxGCPauseMillis=20",
                "-XX:InitiatingHeapOccupancyPercent=35",
                "-XX:+ExplicitGCInvokesConcurrent",
                "-Djava.awt.headless=true"));
        int feature = Runtime.version().feature();
        if (feature >= 22) {
            options.add("--enable-native-access=ALL-UNNAMED"); // zstd-jni, snappy, lz4
        }
        if (feature >= 23) {
            options.add("--sun-misc-unsafe-memory-access=allow"); // kafka-clients ByteBufferUnmapper
        }
        String extra = System.getenv("RISITI_KAFKA_OPTS");
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.trim().split("\\s+")));
        }
        return options;
    }

    /**
     * A dynamic class-data archive for the broker JVM: the first broker writes it at exit, later ones map it and are
     * ready in ~2.6 s instead of ~4.2 s (every test JVM, every Kafka restart in a test, {@code ./risiti up}). Keyed by
     * JDK and classpath, which change only when Kafka's version does; a partly written archive is ignored and written
     * again. Off with {@code RISITI_CDS=false}, as for the services.
     */
    private static List<String> classDataArchive(String classpath) {
        if ("false".equalsIgnoreCase(System.getenv("RISITI_CDS")) || Runtime.version().feature() < 19) {
            return List.of();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((System.getProperty("java.home") + "\n" + classpath).getBytes(StandardCharsets.UTF_8));
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "risiti-cds-" + System.getProperty("user.name"));
            Files.createDirectories(dir);
            Path archive = dir.resolve("kafka-broker-" + HexFormat.of().formatHex(digest, 0, 6) + ".jsa");
            return List.of("-XX:+AutoCreateSharedArchive", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-XX:SharedArchiveFile=" + archive);
        } catch (IOException | NoSuchAlgorithmException e) {
            return List.of(); // only slower
        }
    }

    private static String javaExecutable() {
        String exe = isWindows() ? "java.exe" : "java";
        Path fromHome = Path.of(System.getProperty("java.home"), "bin", exe);
        if (Files.isExecutable(fromHome)) {
            return fromHome.toString();
        }
        return ProcessHandle.current().info().command()
                .filter(c -> Path.of(c).getFileName().toString().startsWith("java"))
                .orElse(exe);
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }

    private static java.io.File nullFile() {
        return new java.io.File(isWindows() ? "NUL" : "/dev/null");
    }

    /** This module's jar (BrokerMain) followed by Kafka's runtime classpath recorded at build time. */
    static String childClasspath() {
        ClassLoader loader = KafkaBroker.class.getClassLoader();
        URL classpathUrl = loader.getResource(CLASSPATH_RESOURCE);
        if (classpathUrl == null) {
            classpathUrl = Thread.currentThread().getContextClassLoader().getResource(CLASSPATH_RESOURCE);
        }
        if (classpathUrl == null) {
            throw new IllegalStateException(CLASSPATH_RESOURCE + " is not on the classpath: add a dependency on "
                    + "ng.risiti:risiti-kafka-broker (with a wildcard exclusion) and build deploy/kafka-broker");
        }
        String recorded;
        try (InputStream in = classpathUrl.openStream()) {
            recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classpathUrl, e);
        }
        Properties build = new Properties();
        URL buildUrl = loader.getResource(BUILD_PROPERTIES_RESOURCE);
        if (buildUrl != null) {
            try (InputStream in = buildUrl.openStream()) {
                build.load(in);
            } catch (IOException ignored) {
                // only used as a fallback below
            }
        }

        List<String> entries = new ArrayList<>();
        entries.add(ownLocation(classpathUrl, build));
        List<String> missing = new ArrayList<>();
        for (String entry : recorded.split(java.io.File.pathSeparator)) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            if (!Files.exists(Path.of(e))) {
                missing.add(e);
            }
            entries.add(e);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the Kafka broker classpath recorded at build time refers to "
                    + missing.size() + " missing file(s), e.g. " + missing.getFirst()
                    + "; rebuild it here: ./mvnw -pl deploy/kafka-broker install");
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** Where BrokerMain lives: the jar or classes dir holding classpath.txt. */
    private static String ownLocation(URL classpathUrl, Properties build) {
        String url = classpathUrl.toString();
        try {
            if (url.startsWith("jar:")) {
                String inner = url.substring(4, url.indexOf("!/"));
                Path jar = Path.of(new URI(inner));
                if (Files.isRegularFile(jar)) {
                    return jar.toString();
                }
            } else if (url.startsWith("file:")) {
                Path root = Path.of(classpathUrl.toURI());
                for (int i = 0; i < CLASSPATH_RESOURCE.split("/").length; i++) {
                    root = root.getParent();
                }
                if (Files.isDirectory(root)) {
                    return root.toString();
                }
            }
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            // fall back to the locations recorded at build time
        }
        for (String key : List.of("self.classes", "self.jar")) {
            String candidate = build.getProperty(key);
            if (candidate != null && Files.exists(Path.of(candidate))
                    && (Files.isRegularFile(Path.of(candidate))
                        || Files.exists(Path.of(candidate, MAIN_CLASS.replace('.', '/') + ".class")))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot locate the risiti-kafka-broker classes (resource URL " + url
                + "); build it: ./mvnw -pl deploy/kafka-broker install");
    }

    private void awaitReady(long logOffset) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String lastProblem = "port " + port + " not open yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with code " + process.exitValue()
                        + " before it was ready. Last lines of " + logFile + ":\n" + tail(logOffset));
            }
            if (Ports.isOpen(HOST, port, 500)) {
                try {
                    int brokers = metadataBrokerCount(HOST, port);
                    if (brokers > 0) {
                        return;
                    }
                    lastProblem = "metadata lists no brokers yet";
                } catch (IOException e) {
                    lastProblem = "metadata request failed: " + e;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
            }
        }
        throw new IllegalStateException("the Kafka broker (pid " + process.pid() + ") was not ready on "
                + bootstrapServers() + " within " + START_TIMEOUT.toSeconds() + " s (" + lastProblem
                + "). Last lines of " + logFile + ":\n" + tail(logOffset));
    }

    /**
     * Sends a Metadata request (v4, all topics) the way a client does and returns the number of brokers in the
     * response. Hand-rolled so that kafka-clients stays off this classpath.
     */
    static int metadataBrokerCount(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            socket.setSoTimeout(3000);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(body);
            int correlationId = 4711;
            byte[] clientId = "risiti-infra".getBytes(StandardCharsets.UTF_8);
            out.writeShort(3);                // api key: Metadata
            out.writeShort(4);                // api version
            out.writeInt(correlationId);
            out.writeShort(clientId.length);  // client id
            out.write(clientId);
            out.writeInt(-1);                 // topics: null = all
            out.writeByte(0);                 // allow_auto_topic_creation = false
            out.flush();

            DataOutputStream wire = new DataOutputStream(socket.getOutputStream());
            wire.writeInt(body.size());
            body.writeTo(wire);
            wire.flush();

            DataInputStream in = new DataInputStream(socket.getInputStream());
            int size = in.readInt();
            if (size < 12 || size > 64 * 1024 * 1024) {
                throw new IOException("unexpected Metadata response size " + size);
            }
            byte[] response = in.readNBytes(size);
            DataInputStream r = new DataInputStream(new java.io.ByteArrayInputStream(response));
            if (r.readInt() != correlationId) {
                throw new IOException("unexpected correlation id in Metadata response");
            }
            r.readInt();                      // throttle_time_ms
            return r.readInt();               // brokers array length
        }
    }

    private String tail(long offset) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(offset, length - 16 * 1024);
            file.seek(from);
            byte[] bytes = new byte[(int) (length - from)];
            file.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
            int first = Math.max(from > offset ? 1 : 0, lines.length - 60);
            return String.join("\n", java.util.Arrays.asList(lines).subList(Math.min(first, lines.length), lines.length));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e + ")";
        }
    }
}
