package ng.risiti.nrs.sandbox.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How slowly the sandbox answers every {@code /api} call, so an integrator can see their client under NRS-like
 * latency: {@code none} (0 ms, the default: benchmarks measure the client, not the sandbox), {@code realistic}
 * (100 to 400 ms), {@code slow} (1 to 3 s), or a custom {@code min_ms}..{@code max_ms}. Set at start
 * ({@code sandbox.latency=realistic}) or at run time ({@code POST /__sandbox/latency}).
 */
@ApplicationScoped
public class LatencyProfile {

    public record Profile(String name, long minMillis, long maxMillis) {
    }

    private final AtomicReference<Profile> current;

    public LatencyProfile(@ConfigProperty(name = "sandbox.latency", defaultValue = "none") String profile) {
        this.current = new AtomicReference<>(named(profile));
    }

    public static Profile named(String name) {
        return switch (name == null ? "" : name.trim().toLowerCase(Locale.ROOT)) {
            case "none", "" -> new Profile("none", 0, 0);
            case "realistic" -> new Profile("realistic", 100, 400);
            case "slow" -> new Profile("slow", 1_000, 3_000);
            default -> throw new IllegalArgumentException("latency profile must be none, realistic or slow: " + name);
        };
    }

    public Profile current() {
        return current.get();
    }

    public void set(Profile profile) {
        current.set(profile);
    }

    /** This call's delay. */
    public long nextDelayMillis() {
        Profile p = current.get();
        return p.maxMillis() <= 0 ? 0 : ThreadLocalRandom.current().nextLong(p.minMillis(), p.maxMillis() + 1);
    }
}
