package ng.risiti.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import ng.risiti.testsupport.RisitiTestResources;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * customer-service's image, built as {@code -Pimages} builds every service's (no Docker engine, no registry), then
 * read back from the tarball as a container runtime would: manifest, config, layers unpacked into a root file system,
 * and the entrypoint run from that root until the service answers its readiness check on real PostgreSQL and Kafka.
 */
class ImageBuildTests {

    /** customer-service in verify; {@code -Dimages.test-service=invoice-service} checks another (it must be packaged) */
    private static final String SERVICE = System.getProperty("images.test-service", "customer-service");
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path unpacked;

    private static Duration buildTime;
    private static JsonNode manifest;
    private static JsonNode config;
    private static Path rootfs;

    @BeforeAll
    static void buildAndUnpack() throws Exception {
        long started = System.nanoTime();
        ServiceImage.of(ROOT, SERVICE, System.getProperty("images.source", "https://github.com/risiti/risiti"), Optional.empty())
                .build(ROOT, BuildImages.cacheDir());
        buildTime = Duration.ofNanos(System.nanoTime() - started);
        System.out.println(SERVICE + " image built in " + buildTime.toMillis() + " ms");

        Path archive = Files.createDirectories(unpacked.resolve("archive"));
        extract(Files.newInputStream(ServiceImage.tarball(ROOT, SERVICE)), archive);
        manifest = JSON.readTree(archive.resolve("manifest.json").toFile()).get(0);
        config = JSON.readTree(archive.resolve(manifest.get("Config").asText()).toFile());
        rootfs = Files.createDirectories(unpacked.resolve("rootfs"));
        for (JsonNode layer : manifest.get("Layers")) {
            extract(new GzipCompressorInputStream(Files.newInputStream(archive.resolve(layer.asText()))), rootfs);
        }
    }

    @Test
    void theImageIsBuiltInUnderAMinuteWithoutDockerOrARegistry() {
        assertThat(buildTime).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void theTarballIsNamedAsTheHelmChartPullsTheImage() {
        ChartDefaults chart = ChartDefaults.read(ROOT.resolve("deploy/helm/risiti"));
        assertThat(manifest.get("RepoTags").get(0).asText())
                .isEqualTo(chart.imageName(SERVICE))
                .isEqualTo("ghcr.io/risiti/" + SERVICE + ":" + chart.appVersion());
    }

    @Test
    void theImageRunsAsANonRootUserOnTheServicesPortWithItsLabels() {
        JsonNode c = config.get("config");
        assertThat(c.get("User").asText()).isEqualTo("185:185");
        int port = ChartDefaults.read(ROOT.resolve("deploy/helm/risiti")).port(SERVICE);
        assertThat(c.get("ExposedPorts").has(port + "/tcp")).isTrue();
        assertThat(c.get("WorkingDir").asText()).isEqualTo("/deployments");
        assertThat(strings(c.get("Entrypoint")))
                .startsWith("/opt/java/bin/java", "-XX:MaxRAMPercentage=70", "-XX:+ExitOnOutOfMemoryError")
                .endsWith("-jar", "/deployments/quarkus-run.jar");
        assertThat(strings(c.get("Env"))).contains("QUARKUS_HTTP_PORT=" + port, "JAVA_HOME=/opt/java");
        JsonNode labels = c.get("Labels");
        assertThat(labels.get("org.opencontainers.image.version").asText()).isEqualTo("0.1.0");
        assertThat(labels.get("org.opencontainers.image.revision").asText()).matches("[0-9a-f]{40}|unknown");
        assertThat(labels.get("org.opencontainers.image.source").asText()).startsWith("https://");
        assertThat(config.get("os").asText()).isEqualTo("linux");
    }

    @Test
    void layersGoFromTheJavaRuntimeToTheApplicationSoACodeChangeRewritesOnlyTheLastOnes() throws IOException {
        assertThat(StreamSupport.stream(config.get("history").spliterator(), false).map(h -> h.get("comment").asText()))
                .containsExactly("java-runtime", "os", "boot-lib", "lib", "risiti-lib", "quarkus-run", "quarkus", "app");
        assertThat(manifest.get("Layers")).hasSize(8);
        try (var jars = Files.list(rootfs.resolve("deployments/lib/main"))) {
            assertThat(jars.map(j -> j.getFileName().toString())).anyMatch(j -> j.startsWith("ng.risiti.risiti-platform"));
        }
    }

    @Test
    void theImageCarriesItsOwnJavaAndTheCLibraryItNeeds() throws Exception {
        assertThat(rootfs.resolve("opt/java/bin/java")).isExecutable();
        assertThat(rootfs.resolve("lib64/ld-linux-x86-64.so.2")).isRegularFile();
        Process java = start(List.of("/opt/java/bin/java", "-version"), Map.of());
        String out = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("version \"" + Runtime.version().feature());
        assertThat(java.exitValue()).isZero();
    }

    @Test
    void theServiceStartsFromTheImagesRootFileSystemAndAnswersItsReadinessCheck() throws Exception {
        Map<String, String> infra = new RisitiTestResources() {
            {
                init(Map.of("service", "images_" + SERVICE.replace("-service", "")));
            }
        }.start();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", infra.get("quarkus.datasource.reactive.url"));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", infra.get("quarkus.datasource.jdbc.url"));
        env.put("QUARKUS_DATASOURCE_USERNAME", infra.get("quarkus.datasource.username"));
        env.put("QUARKUS_DATASOURCE_PASSWORD", infra.get("quarkus.datasource.password"));
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.get("kafka.bootstrap.servers"));
        // the production profile with the development secrets, as ./risiti up runs the services
        env.put("RISITI_LOCAL_MODE", "true");
        Path log = unpacked.resolve("service.log");
        Process service = start(strings(config.get("config").get("Entrypoint")), env, log);
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build();
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .failFast("the service exited: " + log, () -> !service.isAlive())
                    .until(() -> http.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        } catch (RuntimeException | Error e) {
            System.out.println(Files.readString(log));
            throw e;
        } finally {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    /**
     * Runs a command of the image from its unpacked root. As root (CI, the dev machines) the way a container runtime
     * does: a private mount namespace with /proc, /dev and /sys bound in, chrooted into the image's root, as the
     * image's user, with the image's environment only, so nothing of the build machine's JDK or C library is used.
     * Elsewhere the image's paths are rewritten to the unpacked root (the image's Java on the machine's C library).
     */
    private static Process start(List<String> command, Map<String, String> extraEnv, Path... log) throws IOException {
        List<String> argv = new ArrayList<>();
        if (isolated()) {
            for (String dir : List.of("proc", "dev", "sys")) {
                Files.createDirectories(rootfs.resolve(dir));
            }
            argv.addAll(List.of("unshare", "--mount", "--propagation", "private", "--", "/bin/sh", "-c",
                    "r=\"$1\"; shift; mount --bind /proc \"$r/proc\" && mount --rbind /dev \"$r/dev\" && mount --rbind /sys \"$r/sys\" "
                            + "&& exec chroot --userspec=" + config.get("config").get("User").asText() + " \"$r\" \"$@\"",
                    "sh", rootfs.toString()));
            argv.addAll(command);
        } else {
            command.forEach(a -> argv.add(a.startsWith("/") ? rootfs + a : a));
        }
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        Map<String, String> hostPath = Map.of("PATH", System.getenv("PATH"));
        pb.environment().clear();
        for (String e : strings(config.get("config").get("Env"))) {
            pb.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
        }
        pb.environment().putAll(extraEnv);
        if (isolated()) {
            // the shell before chroot finds mount and chroot on the machine's PATH; the image's PATH applies inside
            pb.environment().put("PATH", hostPath.get("PATH") + ":/usr/sbin:/sbin");
        }
        pb.directory(rootfs.toFile());
        if (log.length > 0) {
            pb.redirectOutput(log[0].toFile());
        }
        return pb.start();
    }

    private static Boolean isolated;

    private static synchronized boolean isolated() {
        if (isolated == null) {
            try {
                Process probe = new ProcessBuilder("unshare", "--mount", "--", "true").redirectErrorStream(true).start();
                probe.getInputStream().readAllBytes();
                isolated = probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                isolated = false;
            }
            System.out.println(isolated ? "running the image in a mount namespace, chrooted into its root"
                    : "no mount namespace here: running the image's Java with its paths rewritten to the unpacked root");
        }
        return isolated;
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** Unpacks a tar stream, keeping each entry's mode: the runtime's binaries must stay executable. */
    private static void extract(InputStream in, Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.setPosixFilePermissions(target, permissions(entry.getMode()));
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        StringBuilder rwx = new StringBuilder();
        for (int shift = 6; shift >= 0; shift -= 3) {
            int bits = (mode >> shift) & 7;
            rwx.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-').append((bits & 1) != 0 ? 'x' : '-');
        }
        return PosixFilePermissions.fromString(rwx.toString());
    }
}
