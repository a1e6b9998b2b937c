package ng.risiti.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the WooCommerce plugin's PHPUnit suite (integrations/woocommerce) against the running stack. */
final class PhpUnit {

    /** What a run printed and how it ended. */
    record Run(int exitCode, String output) {
    }

    private PhpUnit() {
    }

    /** Whether Debian's php-cli and phpunit are installed (.ci/run installs them where missing). */
    static boolean installed() {
        return answers("php", "--version") && answers("phpunit", "--version");
    }

    /** {@code phpunit} in {@code dir}, with the stack's base URL and a tenant's API key in its environment. */
    static Run run(Path dir, String baseUrl, String apiKey) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("phpunit", "--testdox").directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("RISITI_BASE_URL", baseUrl, "RISITI_API_KEY", apiKey));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("phpunit did not finish in 5 minutes:\n" + output);
        }
        return new Run(process.exitValue(), output);
    }

    private static boolean answers(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
