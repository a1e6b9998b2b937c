package ng.risiti.platform.ratelimit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import ng.risiti.platform.security.Tenancy;

/**
 * API-key calls this replica accepted and has not yet written to its outbox: per tenant, world, key and minute (what
 * {@code UsageFlusher} writes), and per tenant and world (what the limiter adds to billing's count of the day).
 * Recording is two map lookups and two atomic increments; a drain retires each counter with one atomic swap, so a
 * call is counted in exactly one drain (the same scheme as {@code ApiKeyUsageRecorder}).
 */
@jakarta.inject.Singleton
public class UsageMeter {

    /** Calls of one key in one minute. */
    public record Count(Tenancy tenancy, UUID keyId, long minute, long count) {

        public Instant minuteStart() {
            return Instant.ofEpochSecond(minute * 60);
        }
    }

    private record Key(Tenancy tenancy, UUID keyId, long minute) {
    }

    private static final long RETIRED = Long.MIN_VALUE;

    private final Map<Key, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<Tenancy, AtomicLong> unflushed = new ConcurrentHashMap<>();

    public void record(Tenancy tenancy, UUID keyId, long minute) {
        unflushed.computeIfAbsent(tenancy, t -> new AtomicLong()).incrementAndGet();
        Key key = new Key(tenancy, keyId, minute);
        while (true) {
            AtomicLong counter = counts.computeIfAbsent(key, k -> new AtomicLong());
            long seen = counter.get();
            while (seen >= 0) {
                if (counter.compareAndSet(seen, seen + 1)) {
                    return;
                }
                seen = counter.get();
            }
            counts.remove(key, counter);
        }
    }

    /** Calls of this tenant and world not yet confirmed written (see {@link #flushed}). */
    public long unflushed(Tenancy tenancy) {
        AtomicLong count = unflushed.get(tenancy);
        return count == null ? 0 : count.get();
    }

    /** Takes every count recorded since the previous drain; they stay {@link #unflushed} until {@link #flushed}. */
    public List<Count> drain() {
        List<Count> drained = new ArrayList<>(counts.size());
        for (Map.Entry<Key, AtomicLong> entry : counts.entrySet()) {
            long count = entry.getValue().getAndSet(RETIRED);
            counts.remove(entry.getKey(), entry.getValue());
            if (count > 0) {
                Key key = entry.getKey();
                drained.add(new Count(key.tenancy(), key.keyId(), key.minute(), count));
            }
        }
        return drained;
    }

    /** The counts are in the outbox now: billing's next entitlements will include them. */
    public void flushed(List<Count> written) {
        for (Count count : written) {
            AtomicLong pending = unflushed.get(count.tenancy());
            if (pending != null) {
                pending.addAndGet(-count.count());
            }
        }
    }
}
