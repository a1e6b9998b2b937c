package ng.risiti.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ApiKeyUsageRecorderTests {

    private static final UUID TENANT = UUID.fromString("01954abc-1234-7678-9abc-def012345678");

    @Test
    void countsUsesPerKeyAndKeepsTheLatestTime() {
        ApiKeyUsageRecorder recorder = new ApiKeyUsageRecorder();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        recorder.record(a, TENANT, 1_000);
        recorder.record(a, TENANT, 3_000);
        recorder.record(a, TENANT, 2_000); // out of order: the latest time still wins
        recorder.record(b, TENANT, 5_000);

        ApiKeyUsageRecorder.Window window = recorder.drain();

        assertThat(window.usages()).containsExactlyInAnyOrder(
                new ApiKeyUsageRecorder.Usage(a, TENANT, Instant.ofEpochMilli(3_000), 3),
                new ApiKeyUsageRecorder.Usage(b, TENANT, Instant.ofEpochMilli(5_000), 1));
        assertThat(window.start()).isBeforeOrEqualTo(window.end());
    }

    @Test
    void drainResetsAndWindowsFollowEachOther() {
        ApiKeyUsageRecorder recorder = new ApiKeyUsageRecorder();
        UUID key = UUID.randomUUID();
        recorder.record(key, TENANT, 1_000);
        ApiKeyUsageRecorder.Window first = recorder.drain();
        assertThat(first.usages()).hasSize(1);
        assertThat(recorder.pendingKeys()).isZero();

        ApiKeyUsageRecorder.Window empty = recorder.drain();
        assertThat(empty.usages()).isEmpty();
        assertThat(empty.start()).isEqualTo(first.end());

        recorder.record(key, TENANT, 7_000);
        ApiKeyUsageRecorder.Window third = recorder.drain();
        assertThat(third.start()).isEqualTo(empty.end());
        assertThat(third.usages()).containsExactly(new ApiKeyUsageRecorder.Usage(key, TENANT, Instant.ofEpochMilli(7_000), 1));
    }

    /** Many threads hammer a few keys while another thread drains repeatedly: every use is counted exactly once. */
    @Test
    void concurrentUsesAreCountedExactlyOnceAcrossDrains() throws Exception {
        ApiKeyUsageRecorder recorder = new ApiKeyUsageRecorder();
        int threads = 8;
        int usesPerThread = 200_000;
        List<UUID> keys = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger drainCount = new AtomicInteger();
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < usesPerThread; i++) {
                        if (i % 10_000 == 0) {
                            // on 2 cores the writers could finish before the drainer runs: let a drain happen now and then
                            int seen = drainCount.get();
                            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                            while (drainCount.get() == seen && System.nanoTime() < deadline) {
                                Thread.yield();
                            }
                        }
                        recorder.record(keys.get((thread + i) % keys.size()), TENANT, i);
                    }
                    return null;
                }));
            }
            Map<UUID, Long> totals = new HashMap<>();
            List<Long> lastSeen = new ArrayList<>();
            Future<Integer> drainer = pool.submit(() -> {
                start.await();
                int drains = 0;
                while (writing.get()) {
                    for (ApiKeyUsageRecorder.Usage usage : recorder.drain().usages()) {
                        totals.merge(usage.keyId(), usage.count(), Long::sum);
                        lastSeen.add(usage.lastUsedAt().toEpochMilli());
                        assertThat(usage.tenantId()).isEqualTo(TENANT);
                        assertThat(usage.count()).isPositive();
                    }
                    drains++;
                    drainCount.incrementAndGet();
                }
                return drains;
            });
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            int drains = drainer.get(60, TimeUnit.SECONDS);
            for (ApiKeyUsageRecorder.Usage usage : recorder.drain().usages()) {
                totals.merge(usage.keyId(), usage.count(), Long::sum);
            }

            assertThat(drains).as("the drainer really raced the writers").isGreaterThanOrEqualTo(usesPerThread / 10_000);
            assertThat(totals.values().stream().mapToLong(Long::longValue).sum()).isEqualTo((long) threads * usesPerThread);
            // exact per key: thread t used key (t + i) % 3 for i in [0, usesPerThread)
            long[] expected = new long[keys.size()];
            for (int t = 0; t < threads; t++) {
                for (int i = 0; i < usesPerThread; i++) {
                    expected[(t + i) % keys.size()]++;
                }
            }
            for (int k = 0; k < keys.size(); k++) {
                assertThat(totals.get(keys.get(k))).isEqualTo(expected[k]);
            }
            assertThat(lastSeen).allMatch(t -> t >= 0 && t < usesPerThread);
            assertThat(recorder.drain().usages()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }
}
