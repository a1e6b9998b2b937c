package ng.risiti.images;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One service's OCI image, built with jib-core from its fast-jar ({@code <service>/target/quarkus-app}) into
 * {@code <service>/target/image/<service>.tar} (docker-save format: {@code docker load}, {@code podman load} and
 * {@code skopeo copy docker-archive:...} read it). No Docker engine; a registry only when {@code base} names one.
 *
 * <p>Layers, least likely to change first, so a rebuild after a code change rewrites only the last ones (the same
 * split Quarkus's Jib extension makes): Java runtime, OS files, {@code lib/boot}, third-party {@code lib/main},
 * Risiti's own jars in {@code lib/main} (platform), {@code quarkus-run.jar}, {@code quarkus/}, {@code app/}.
 *
 * @param base empty: the jlinked runtime and the glibc it needs on scratch; else an image with {@code java} on its PATH
 */
record ServiceImage(String service, String imageName, int port, List<String> jvmOptions, String version,
                    String revision, String source, Optional<String> base) {

    static final String USER = "185";
    static final AbsoluteUnixPath DEPLOYMENTS = AbsoluteUnixPath.get("/deployments");
    static final AbsoluteUnixPath JAVA_HOME = AbsoluteUnixPath.get("/opt/java");
    /** Risiti's own jars in lib/main (platform): they change with the code, third-party jars with dependency bumps. */
    private static final Predicate<Path> OWN_JAR = jar -> jar.getFileName().toString().startsWith("ng.risiti.");

    /** Image settings from the Helm chart (name, port, JVM options) and the checkout (version, revision). */
    static ServiceImage of(Path root, String service, String source, Optional<String> base) {
        ChartDefaults chart = ChartDefaults.read(root.resolve("deploy/helm/risiti"));
        return new ServiceImage(service, chart.imageName(service), chart.port(service), chart.jvmOptions(),
                chart.appVersion(), Revision.of(root), source, base);
    }

    /** {@code <service>/target/image/<service>.tar} */
    static Path tarball(Path root, String service) {
        return root.resolve(service).resolve("target/image").resolve(service + ".tar");
    }

    List<String> entrypoint() {
        List<String> entrypoint = new ArrayList<>();
        entrypoint.add(base.isPresent() ? "java" : JAVA_HOME.resolve("bin/java").toString());
        entrypoint.addAll(jvmOptions);
        // as Quarkus's own images run a fast-jar: JBoss LogManager from the first log line
        entrypoint.add("-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
        entrypoint.add("-jar");
        entrypoint.add(DEPLOYMENTS.resolve("quarkus-run.jar").toString());
        return List.copyOf(entrypoint);
    }

    Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.title", service);
        labels.put("org.opencontainers.image.source", source);
        labels.put("org.opencontainers.image.revision", revision);
        labels.put("org.opencontainers.image.version", version);
        labels.put("org.opencontainers.image.vendor", "Risiti");
        return labels;
    }

    /** Builds the image into {@link #tarball}; layer caches under {@code cacheDir} make the next build quicker. */
    JibContainer build(Path root, Path cacheDir) throws Exception {
        Path app = root.resolve(service).resolve("target/quarkus-app");
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(app + " is missing: package " + service + " first (./mvnw -B package -pl "
                    + service + " -am -DskipTests)");
        }
        JibContainerBuilder image;
        Map<String, String> env = new LinkedHashMap<>();
        if (base.isPresent()) {
            image = Jib.from(base.get().contains("://") ? base.get() : "registry://" + base.get());
        } else {
            Path runtime = JavaRuntime.jlink(cacheDir.resolve("java-runtime"));
            image = Jib.fromScratch()
                    .addFileEntriesLayer(directory("java-runtime", runtime, JAVA_HOME, any -> true))
                    .addFileEntriesLayer(osLayer(JavaRuntime.systemLibraries(runtime), cacheDir));
            env.put("JAVA_HOME", JAVA_HOME.toString());
            env.put("PATH", JAVA_HOME + "/bin:/usr/bin:/bin");
        }
        env.put("LANG", "C.UTF-8");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        Path lib = app.resolve("lib");
        image.addFileEntriesLayer(directory("boot-lib", lib.resolve("boot"), DEPLOYMENTS.resolve("lib/boot"), any -> true))
                .addFileEntriesLayer(directory("lib", lib.resolve("main"), DEPLOYMENTS.resolve("lib/main"), OWN_JAR.negate()))
                .addFileEntriesLayer(directory("risiti-lib", lib.resolve("main"), DEPLOYMENTS.resolve("lib/main"), OWN_JAR))
                .addFileEntriesLayer(FileEntriesLayer.builder().setName("quarkus-run")
                        .addEntry(app.resolve("quarkus-run.jar"), DEPLOYMENTS.resolve("quarkus-run.jar")).build())
                .addFileEntriesLayer(directory("quarkus", app.resolve("quarkus"), DEPLOYMENTS.resolve("quarkus"), any -> true))
                .addFileEntriesLayer(directory("app", app.resolve("app"), DEPLOYMENTS.resolve("app"), any -> true))
                .setEnvironment(env)
                .setEntrypoint(entrypoint())
                .setProgramArguments(List.of())
                .setWorkingDirectory(DEPLOYMENTS)
                .setUser(USER + ":" + USER)
                .addExposedPort(Port.tcp(port))
                .setLabels(labels())
                .setFormat(ImageFormat.Docker)
                // reproducible: the same inputs give the same image id (Jib's default, said out loud)
                .setCreationTime(Instant.EPOCH);

        Path tar = tarball(root, service);
        Files.createDirectories(tar.getParent());
        Containerizer to = Containerizer.to(TarImage.at(tar).named(ImageReference.parse(imageName)))
                .setToolName("risiti-images")
                .setApplicationLayersCache(cacheDir.resolve("jib-layers"))
                .setBaseImageLayersCache(cacheDir.resolve("jib-base-layers"))
                .addEventHandler(LogEvent.class, e -> {
                    if (e.getLevel() == LogEvent.Level.ERROR || e.getLevel() == LogEvent.Level.WARN) {
                        System.err.println(service + ": " + e.getMessage());
                    }
                });
        return image.containerize(to);
    }

    /** Every file under {@code from} that {@code include} accepts, at the same relative path under {@code to}. */
    private static FileEntriesLayer directory(String name, Path from, AbsoluteUnixPath to, Predicate<Path> include) {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        try (Stream<Path> files = Files.walk(from)) {
            files.filter(Files::isRegularFile).filter(include).sorted().forEach(file -> layer.addEntry(
                    file, to.resolve(from.relativize(file).toString()), permissions(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return layer.build();
    }

    /**
     * glibc at the paths the runtime's binaries look for it, a passwd entry for the user (so the JVM has a user name and
     * home) and a writable /tmp (Kubernetes mounts an emptyDir there over the read-only root file system).
     */
    private static FileEntriesLayer osLayer(Iterable<Path> libraries, Path cacheDir) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("os");
        for (Path library : libraries) {
            // copied, not linked: a layer holds the file a symlink (ld-linux, merged /usr) points to
            layer.addEntry(library.toRealPath(), AbsoluteUnixPath.get(library.toString()), FilePermissions.fromOctalString("755"));
        }
        Path etc = Files.createDirectories(cacheDir.resolve("os").resolve(USER).resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/sbin/nologin\n"
                + "risiti:x:" + USER + ":" + USER + ":Risiti service:/deployments:/sbin/nologin\n", StandardCharsets.UTF_8);
        Files.writeString(etc.resolve("group"), "root:x:0:\nrisiti:x:" + USER + ":\n", StandardCharsets.UTF_8);
        Path tmp = Files.createDirectories(cacheDir.resolve("os").resolve(USER).resolve("tmp"));
        layer.addEntry(etc.resolve("passwd"), AbsoluteUnixPath.get("/etc/passwd"), FilePermissions.fromOctalString("644"));
        layer.addEntry(etc.resolve("group"), AbsoluteUnixPath.get("/etc/group"), FilePermissions.fromOctalString("644"));
        layer.addEntry(tmp, AbsoluteUnixPath.get("/tmp"), FilePermissions.fromOctalString("777"));
        return layer.build();
    }

    private static FilePermissions permissions(Path file) {
        try {
            boolean executable = Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_EXECUTE);
            return FilePermissions.fromOctalString(executable ? "755" : "644");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
