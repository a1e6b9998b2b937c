package ng.risiti.images;

import com.google.cloud.tools.jib.api.JibContainer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code ./mvnw -B package -Pimages -DskipTests}: every service's image in {@code <service>/target/image/<service>.tar}.
 * Arguments: {@code --root=<checkout> --services=a,b --source=<url> [--base=<image>]}.
 */
public final class BuildImages {

    private BuildImages() {
    }

    /**
     * Outside the checkout, so a fresh clone (CI) on the same machine reuses the jlinked runtime and its compressed
     * layer: jlink and gzip of ~100 MB are most of a first build's time. RISITI_IMAGES_CACHE moves it.
     */
    static Path cacheDir() {
        String configured = System.getenv("RISITI_IMAGES_CACHE");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "risiti", "images");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Arrays.stream(args).filter(a -> a.startsWith("--") && a.contains("="))
                .collect(Collectors.toMap(a -> a.substring(2, a.indexOf('=')), a -> a.substring(a.indexOf('=') + 1)));
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        Optional<String> base = Optional.ofNullable(options.get("base")).filter(b -> !b.isBlank());
        String source = options.getOrDefault("source", "");
        List<String> services = List.of(options.getOrDefault("services", "").split(","));
        Path cache = cacheDir();
        for (String service : services.stream().map(String::trim).filter(s -> !s.isEmpty()).toList()) {
            long started = System.nanoTime();
            ServiceImage image = ServiceImage.of(root, service, source, base);
            JibContainer built = image.build(root, cache);
            System.out.printf("%s: %s %s -> %s (%d ms)%n", service, built.getTargetImage(), built.getDigest(),
                    root.relativize(ServiceImage.tarball(root, service)), (System.nanoTime() - started) / 1_000_000);
        }
    }
}
