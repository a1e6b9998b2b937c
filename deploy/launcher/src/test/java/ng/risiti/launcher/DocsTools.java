package ng.risiti.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference tools our API documents are checked with (docs/tools/package.json: the AsyncAPI parser, Redocly CLI,
 * TypeScript), installed from docs/tools/package-lock.json into docs/tools/node_modules on first use.
 */
final class DocsTools {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Path TOOLS = ROOT.resolve("docs/tools");
    private static final List<String> PACKAGES = List.of("@asyncapi/parser", "@redocly/cli", "typescript");

    record Result(int exitCode, String output) {
    }

    private DocsTools() {
    }

    static synchronized void install() throws IOException, InterruptedException {
        if (PACKAGES.stream().anyMatch(p -> !Files.isDirectory(TOOLS.resolve("node_modules").resolve(p)))) {
            Result ci = run(TOOLS, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 300);
            assertThat(ci.exitCode()).as("npm ci in docs/tools: " + ci.output()).isZero();
        }
    }

    /** Runs {@code command} in {@code dir}, its output (stdout and stderr) read whole. */
    static Result run(Path dir, List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(timeoutSeconds, TimeUnit.SECONDS)).as(String.join(" ", command) + " finished").isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
