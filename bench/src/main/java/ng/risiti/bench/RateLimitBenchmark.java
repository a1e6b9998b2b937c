package ng.risiti.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import ng.risiti.platform.events.contract.EntitlementState;
import ng.risiti.platform.ratelimit.Entitlements;
import ng.risiti.platform.ratelimit.RateLimitConfig;
import ng.risiti.platform.ratelimit.RateLimiter;
import ng.risiti.platform.ratelimit.UsageMeter;
import ng.risiti.platform.security.Tenancy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the rate-limit decision costs per request in every service (the filter's work after authentication): the
 * tenant's entitlements among 10,000 tenants, billing's count plus the replica's uncounted calls, the burst window's
 * compare-and-set, and metering the call; and a dashboard user's two windows. Two threads, as on the 2-core machines.
 * The goal (bench/README.md) is authentication + tenancy + rate limit under 0.3 ms per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(2)
public class RateLimitBenchmark {

    private static final int TENANTS = 10_000;

    private RateLimiter limiter;
    private final List<Tenancy> tenants = new ArrayList<>();
    private final List<UUID> keys = new ArrayList<>();
    private final List<UUID> users = new ArrayList<>();

    @Setup
    public void limiter() {
        UsageMeter meter = new UsageMeter();
        Entitlements entitlements = new Entitlements(new ObjectMapper(), Map.of(), meter);
        for (int i = 0; i < TENANTS; i++) {
            UUID tenantId = UUID.randomUUID();
            tenants.add(new Tenancy(tenantId, false));
            keys.add(UUID.randomUUID());
            users.add(UUID.randomUUID());
            // Growth's numbers, so the measured path is the common one: allowed, counted and metered
            entitlements.accept(new EntitlementState(tenantId, false, "growth", Set.of("pdf"), 50_000_000, 300_000_000, 5000, 50_000_000,
                    LocalDate.now(ZoneOffset.UTC), 1000, 0, 0, 0, true, Instant.now(), null), 1);
        }
        limiter = new RateLimiter(new Config(), entitlements, meter);
    }

    @Benchmark
    public RateLimiter.Verdict apiKeyCall() {
        int i = java.util.concurrent.ThreadLocalRandom.current().nextInt(TENANTS);
        return limiter.apiKey(tenants.get(i), keys.get(i), System.currentTimeMillis());
    }

    @Benchmark
    public RateLimiter.Verdict dashboardCall() {
        int i = java.util.concurrent.ThreadLocalRandom.current().nextInt(TENANTS);
        return limiter.user(users.get(i), System.currentTimeMillis());
    }

    private static final class Config implements RateLimitConfig {
        public boolean enabled() {
            return true;
        }

        public int defaultCallsPerDay() {
            return 500;
        }

        public int defaultBurstPerMinute() {
            return 30;
        }

        public int userPerMinute() {
            return Integer.MAX_VALUE;
        }

        public int userPerDay() {
            return Integer.MAX_VALUE;
        }

        public Duration flushInterval() {
            return Duration.ofSeconds(1);
        }

        public Duration billingCountTimeout() {
            return Duration.ofSeconds(60);
        }
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(new String[] {RateLimitBenchmark.class.getSimpleName()});
    }
}
