package ng.risiti.kafkabroker;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Entry point of the child JVM that runs a one-node KRaft Kafka broker+controller.
 *
 * <pre>
 * java -cp &lt;risiti-kafka-broker jar&gt;:&lt;classpath.txt&gt; ng.risiti.kafkabroker.BrokerMain \
 *      [--parent-pid &lt;pid&gt;] &lt;server.properties&gt;
 * </pre>
 *
 * <ol>
 *   <li>With {@code --parent-pid}, a daemon thread polls the parent process and exits this JVM
 *       (graceful Kafka shutdown, then a hard halt after 20 s) as soon as the parent is gone, so a
 *       killed test JVM or launcher never leaves a broker behind.</li>
 *   <li>Formats the KRaft storage (first log dir) unless it already holds {@code meta.properties}.</li>
 *   <li>Runs {@code kafka.Kafka.main(server.properties)}.</li>
 * </ol>
 *
 * Only this class and Kafka's own jars are on the child's classpath; nothing from the parent leaks in.
 */
public final class BrokerMain {

    /** Printed once the storage is formatted or found formatted; handy in the log. */
    public static final String STORAGE_READY = "risiti-kafka-broker: storage ready";

    private static final long PARENT_POLL_MILLIS = 500;
    private static final long HALT_AFTER_MILLIS = 20_000;

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        configureLogging();
        long parentPid = -1;
        String propertiesFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--parent-pid" -> parentPid = Long.parseLong(args[++i]);
                default -> propertiesFile = args[i];
            }
        }
        if (propertiesFile == null) {
            System.err.println("usage: BrokerMain [--parent-pid <pid>] <server.properties>");
            System.exit(2);
        }
        if (parentPid > 0) {
            watchParent(parentPid);
        }
        format(Path.of(propertiesFile));
        kafka.Kafka.main(new String[] {propertiesFile});
    }

    /** slf4j-simple defaults suited to a log file; any -Dorg.slf4j.simpleLogger.* given wins. */
    private static void configureLogging() {
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
        setDefault("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
        setDefault("org.slf4j.simpleLogger.logFile", "System.out");
        setDefault("org.slf4j.simpleLogger.cacheOutputStream", "true");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static void watchParent(long parentPid) {
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        if (parent.isEmpty() || !parent.get().isAlive()) {
            System.err.println("risiti-kafka-broker: parent process " + parentPid + " is not running; exiting");
            System.exit(3);
        }
        ProcessHandle handle = parent.get();
        Thread watcher = new Thread(() -> {
            while (handle.isAlive()) {
                try {
                    Thread.sleep(PARENT_POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.out.println("risiti-kafka-broker: parent process " + parentPid + " is gone; shutting down");
            System.out.flush();
            Thread halter = new Thread(() -> {
                try {
                    Thread.sleep(HALT_AFTER_MILLIS);
                } catch (InterruptedException ignored) {
                    // halt anyway
                }
                Runtime.getRuntime().halt(4);
            }, "risiti-broker-halter");
            halter.setDaemon(true);
            halter.start();
            System.exit(0);
        }, "risiti-parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void format(Path propertiesFile) throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(propertiesFile)) {
            props.load(in);
        }
        String dirs = props.getProperty("metadata.log.dir");
        if (dirs == null || dirs.isBlank()) {
            dirs = props.getProperty("log.dirs", props.getProperty("log.dir"));
        }
        if (dirs == null || dirs.isBlank()) {
            throw new IllegalArgumentException("no log.dirs in " + propertiesFile);
        }
        Path metadataDir = Path.of(dirs.split(",")[0].trim());
        if (Files.exists(metadataDir.resolve("meta.properties"))) {
            System.out.println(STORAGE_READY + " (already formatted: " + metadataDir + ")");
            return;
        }
        List<String> formatArgs = new ArrayList<>(List.of(
                "format",
                "--cluster-id", org.apache.kafka.common.Uuid.randomUuid().toString(),
                "--config", propertiesFile.toString(),
                "--ignore-formatted"));
        if (props.getProperty("controller.quorum.voters") == null) {
            // dynamic quorum (controller.quorum.bootstrap.servers): this node is the whole quorum
            formatArgs.add("--standalone");
        }
        PrintStream out = System.out;
        int rc = kafka.tools.StorageTool.execute(formatArgs.toArray(String[]::new), out);
        out.flush();
        if (rc != 0) {
            System.err.println("risiti-kafka-broker: storage format failed with exit code " + rc);
            System.exit(rc);
        }
        System.out.println(STORAGE_READY + " (formatted: " + metadataDir + ")");
    }
}
