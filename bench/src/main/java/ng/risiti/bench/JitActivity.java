package ng.risiti.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Methods the stack's service JVMs (and the gateway's) have JIT-compiled so far, from {@code jstat -compiler} of the
 * JDK this runs on: a warm-up goes on until this stops growing, since a service still compiling spends much of its CPU
 * on its compilers rather than on requests, and a measurement then shows the warm-up, not the steady state.
 */
final class JitActivity {

    private static final String[] SERVICES = {"auth-service", "customer-service", "invoice-service", "billing-service", "nrs-gateway-service",
            "webhook-service"};

    private final LocalStack stack;
    private final Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");

    JitActivity(LocalStack stack) {
        this.stack = stack;
    }

    /** Methods compiled by all services and the gateway; empty when jstat is not there or a service cannot be read. */
    OptionalLong compiled() {
        if (!Files.isExecutable(jstat)) {
            return OptionalLong.empty();
        }
        long total = 0;
        for (String service : SERVICES) {
            OptionalLong pid = stack.pid(service);
            if (pid.isEmpty()) {
                return OptionalLong.empty();
            }
            OptionalLong compiled = compiled(pid.getAsLong());
            if (compiled.isEmpty()) {
                return OptionalLong.empty();
            }
            total += compiled.getAsLong();
        }
        // the gateway runs in the supervisor's JVM
        OptionalLong supervisor = stack.supervisorPid();
        if (supervisor.isPresent()) {
            total += compiled(supervisor.getAsLong()).orElse(0);
        }
        return OptionalLong.of(total);
    }

    /** The "Compiled" column of {@code jstat -compiler PID} (its second line's first field). */
    private OptionalLong compiled(long pid) {
        try {
            Process process = new ProcessBuilder(jstat.toString(), "-compiler", Long.toString(pid)).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return OptionalLong.empty();
            }
            String[] lines = out.strip().split("\n");
            return lines.length < 2 ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines[1].trim().split("\\s+")[0]));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }
}
