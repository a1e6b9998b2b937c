package ng.risiti.images;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The commit an image is built from, for its org.opencontainers.image.revision label. */
final class Revision {

    private Revision() {
    }

    /** {@code git rev-parse HEAD} in {@code root}; "unknown" outside a git checkout or without git. */
    static String of(Path root) {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").directory(root.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : "unknown";
        } catch (Exception e) {
            return "unknown";
        }
    }
}
