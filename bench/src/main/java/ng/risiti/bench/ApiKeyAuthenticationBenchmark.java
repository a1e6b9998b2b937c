package ng.risiti.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import ng.risiti.platform.security.ApiKeyAuthenticationRequest;
import ng.risiti.platform.security.ApiKeyIdentityProvider;
import ng.risiti.platform.security.ApiKeyRegistry;
import ng.risiti.platform.security.ApiKeyState;
import ng.risiti.platform.security.ApiKeyUsageRecorder;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Credentials;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What authenticating one request with an API key costs in every service: shape check, SHA-256 of the key, lookup in
 * the replica of risiti.api-keys.v1 (100,000 keys), recording the use in memory (for last_used_at and metering),
 * building the identity, and reading the caller's tenant from it.
 * The goal (bench/README.md) is under 0.3 ms per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ApiKeyAuthenticationBenchmark {

    private ApiKeyIdentityProvider provider;
    private final ApiKeyUsageRecorder usage = new ApiKeyUsageRecorder();
    private final List<UUID> keyIds = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private int next;

    @Setup
    public void registry() {
        ApiKeyRegistry registry = new ApiKeyRegistry(hash -> Uni.createFrom().nullItem(), new ObjectMapper(), java.time.Clock.systemUTC(),
                java.util.Map.of());
        Random random = new Random(42);
        byte[] bytes = new byte[20];
        for (int i = 0; i < 100_000; i++) {
            random.nextBytes(bytes);
            String key = "rs_live_" + HexFormat.of().formatHex(bytes);
            registry.accept(new ApiKeyState(Credentials.hash(key), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    key.substring(0, 14), List.of("invoices:read", "invoices:write"), false, null, null), 1);
            if (i % 100 == 0) {
                keys.add(key);
                keyIds.add(UUID.randomUUID());
            }
        }
        provider = new ApiKeyIdentityProvider(registry, usage, Clock.systemUTC());
    }

    @Benchmark
    public UUID authenticate() {
        String key = keys.get(next++ % keys.size());
        SecurityIdentity identity = provider.authenticate(new ApiKeyAuthenticationRequest(key), null).await().indefinitely();
        return Caller.of(identity).tenantId();
    }

    /** The part of {@link #authenticate()} added for last_used_at and metering: one in-memory use record. */
    @Benchmark
    public void recordUse() {
        usage.record(keyIds.get(next++ % keyIds.size()), null, System.currentTimeMillis());
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(new String[] {ApiKeyAuthenticationBenchmark.class.getSimpleName()});
    }
}
