package ng.risiti.platform.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jakarta.inject.Singleton;

/**
 * Successful API-key uses of this replica since the last {@link #drain()}: per key id, how many and the latest
 * time. Recording is on every authenticated request, so it is a map lookup and two atomic updates, no lock and no
 * I/O; {@code ApiKeyUsageFlusher} drains it every window and publishes one {@code api_key.used} record per key.
 *
 * <p>Counts are exact under concurrency: a drain retires each key's counter with one atomic swap, so a use is
 * counted either in the window being drained or, if it lost the race, in a fresh counter for the next window;
 * never in both and never in neither.
 */
@Singleton
public class ApiKeyUsageRecorder {

    /** One key's uses in a window: how many and the latest (epoch millis). */
    public record Usage(UUID keyId, UUID tenantId, Instant lastUsedAt, long count) {
    }

    /** What a drain hands over: the window [{@code start}, {@code end}) and its uses, one per key. */
    public record Window(Instant start, Instant end, List<Usage> usages) {
    }

    /** A count of {@code RETIRED} (negative) means "drained; record into a new counter". */
    private static final long RETIRED = Long.MIN_VALUE;

    private static final class Counter {
        final UUID tenantId;
        final AtomicLong count = new AtomicLong();
        final AtomicLong lastUsedMillis = new AtomicLong(Long.MIN_VALUE);

        Counter(UUID tenantId) {
            this.tenantId = tenantId;
        }
    }

    private final Map<UUID, Counter> counters = new ConcurrentHashMap<>();
    private volatile long windowStartMillis = System.currentTimeMillis();

    /** Records one successful use of a key at {@code epochMillis}. */
    public void record(UUID keyId, UUID tenantId, long epochMillis) {
        while (true) {
            Counter counter = counters.computeIfAbsent(keyId, id -> new Counter(tenantId));
            // the time first: if the counter turns out retired, the use goes to the next window with its time; the
            // retired window may then show a last_used_at a moment later than its last counted use, which is harmless
            // because consumers keep the greatest time anyway
            counter.lastUsedMillis.accumulateAndGet(epochMillis, Math::max);
            long seen = counter.count.get();
            while (seen >= 0) {
                if (counter.count.compareAndSet(seen, seen + 1)) {
                    return;
                }
                seen = counter.count.get();
            }
            // drained under us: help remove the retired counter and count in a fresh one
            counters.remove(keyId, counter);
        }
    }

    /** Takes every key's uses since the previous drain and starts a new window. */
    public Window drain() {
        long end = System.currentTimeMillis();
        long start = windowStartMillis;
        windowStartMillis = end;
        List<Usage> usages = new ArrayList<>(counters.size());
        for (Map.Entry<UUID, Counter> entry : counters.entrySet()) {
            Counter counter = entry.getValue();
            long count = counter.count.getAndSet(RETIRED);
            counters.remove(entry.getKey(), counter);
            if (count > 0) {
                usages.add(new Usage(entry.getKey(), counter.tenantId, Instant.ofEpochMilli(counter.lastUsedMillis.get()), count));
            }
        }
        return new Window(Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), usages);
    }

    /** Keys with uses not drained yet. */
    public int pendingKeys() {
        return counters.size();
    }
}
