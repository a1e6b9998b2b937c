package ng.risiti.images;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * The Java runtime inside an image when no base image can be pulled: the build JDK cut down with jlink, plus the few
 * glibc files its binaries load (found with ldd), since a scratch image has no libc.
 */
final class JavaRuntime {

    /**
     * What the services need from the JDK. A fixed list, not jdeps: jdeps stops at the first modular jar whose module
     * it cannot resolve (smallrye-config), and a missing module only shows at run time, which ImageBuildTests does.
     * java.desktop is java.beans (used by libraries by reflection); its AWT libraries are never loaded headless.
     * java.rmi: SmallRye Context Propagation loads java.rmi.RemoteException at start (found by ImageBuildTests).
     */
    static final List<String> MODULES = List.of(
            "java.base", "java.compiler", "java.desktop", "java.instrument", "java.logging", "java.management",
            "java.naming", "java.net.http", "java.rmi", "java.scripting", "java.security.jgss", "java.security.sasl",
            "java.sql", "java.transaction.xa", "java.xml", "jdk.charsets", "jdk.crypto.cryptoki", "jdk.jfr",
            "jdk.localedata", "jdk.management", "jdk.naming.dns", "jdk.net", "jdk.security.auth", "jdk.security.jgss",
            "jdk.unsupported", "jdk.zipfs");

    /** Native libraries for a desktop (X11, ALSA, splash screen): a server never loads them, so their libs stay out. */
    private static final Pattern DESKTOP_ONLY = Pattern.compile("lib(awt_xawt|jawt|jsound|splashscreen)\\.so");
    /** {@code libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)} or {@code /lib64/ld-linux-x86-64.so.2 (0x...)} */
    private static final Pattern LDD_LINE = Pattern.compile("^\\s*(?:\\S+\\s+=>\\s+)?(/\\S+)\\s+\\(0x[0-9a-f]+\\)");

    private JavaRuntime() {
    }

    /**
     * A jlinked runtime of the JDK running this build, made once per JDK version and module list under {@code cacheDir}
     * (a second image build reuses it: jlink takes ~15 s on two cores).
     */
    static Path jlink(Path cacheDir) {
        String key = Runtime.version() + "|" + System.getProperty("java.vendor") + "|" + String.join(",", MODULES);
        Path runtime = cacheDir.resolve("java-" + Runtime.version().feature() + "-" + sha256(key).substring(0, 12));
        if (Files.isExecutable(runtime.resolve("bin/java"))) {
            return runtime;
        }
        try {
            Files.createDirectories(cacheDir);
            Path partial = Files.createTempDirectory(cacheDir, "jlink-");
            Path output = partial.resolve("runtime");
            ToolProvider jlink = ToolProvider.findFirst("jlink")
                    .orElseThrow(() -> new IllegalStateException("jlink not found: build images with a JDK, not a JRE"));
            StringWriter out = new StringWriter();
            int rc = jlink.run(new PrintWriter(out), new PrintWriter(out),
                    "--add-modules", String.join(",", MODULES), "--include-locales=en",
                    "--strip-debug", "--no-man-pages", "--no-header-files", "--output", output.toString());
            if (rc != 0) {
                throw new IllegalStateException("jlink failed (" + rc + "): " + out);
            }
            try {
                Files.move(output, runtime);
            } catch (FileAlreadyExistsException another) {
                // another build (a neighbour's checkout) made the same runtime meanwhile: use theirs
                try (Stream<Path> files = Files.walk(output)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
            Files.delete(partial);
            return runtime;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The shared libraries outside the runtime that its binaries load (glibc: libc, libm, libdl, librt, libpthread and
     * the dynamic loader), as ldd reports them: the paths the binaries look for them at.
     */
    static Set<Path> systemLibraries(Path runtime) {
        List<String> command = new ArrayList<>(List.of("ldd"));
        try (Stream<Path> files = Files.walk(runtime)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> f.startsWith(runtime.resolve("bin")) || f.getFileName().toString().endsWith(".so"))
                    .filter(f -> !DESKTOP_ONLY.matcher(f.getFileName().toString()).matches())
                    .forEach(f -> command.add(f.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String output = run(command);
        Set<String> own = new TreeSet<>();
        try (Stream<Path> files = Files.walk(runtime)) {
            files.forEach(f -> own.add(f.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<Path> libraries = new TreeSet<>();
        for (String line : output.split("\n")) {
            // libjvm.so is "not found" for lib/*.so (their RUNPATH is lib/, libjvm is in lib/server): the launcher loads it
            if (line.contains("not found") && !own.contains(line.trim().split("\\s+")[0])) {
                throw new IllegalStateException("a runtime binary needs a library this machine lacks: " + line.trim());
            }
            Matcher m = LDD_LINE.matcher(line);
            if (m.find()) {
                Path library = Path.of(m.group(1)).normalize();
                if (!library.startsWith(runtime)) {
                    libraries.add(library);
                }
            }
        }
        if (libraries.stream().noneMatch(l -> l.getFileName().toString().startsWith("libc.so"))) {
            throw new IllegalStateException("ldd found no libc for " + runtime + ": " + output);
        }
        return libraries;
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.getFirst() + " did not finish");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.getFirst()
                    + " (a Linux build machine is needed for the local runtime; else pass a base image)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
