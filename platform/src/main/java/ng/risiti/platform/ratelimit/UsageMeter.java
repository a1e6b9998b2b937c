package ng.risiti.platform.ratelimit;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import ng.risiti.platform.security.Tenancy;

/**
 * API-key calls this replica accepted that billing has not counted yet: per tenant, world, key and minute until
 * written to the outbox (what {@code UsageFlusher} writes), and per tenant and world until billing's entitlements
 * say they are counted (what the limiter adds to billing's numbers). Recording is two map lookups and two atomic
 * increments; a drain retires each counter with one atomic swap, so a call is counted in exactly one drain (the same
 * scheme as {@code ApiKeyUsageRecorder}).
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

    /** Calls written out as one {@code api_calls.metered} event that billing's entitlements have not counted yet. */
    private record Written(String eventId, long count, long atNanos) {
    }

    private static final long RETIRED = Long.MIN_VALUE;

    private final Map<Key, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<Tenancy, AtomicLong> uncounted = new ConcurrentHashMap<>();
    private final Map<Tenancy, Deque<Written>> written = new ConcurrentHashMap<>();

    public void record(Tenancy tenancy, UUID keyId, long minute) {
        uncounted.computeIfAbsent(tenancy, t -> new AtomicLong()).incrementAndGet();
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

    /** Calls of this tenant and world accepted here and not yet in billing's entitlements (see {@link #counted}). */
    public long uncounted(Tenancy tenancy) {
        AtomicLong count = uncounted.get(tenancy);
        return count == null ? 0 : count.get();
    }

    /** Takes every count recorded since the previous drain; they stay {@link #uncounted} until billing counts them. */
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

    /** The count is in the outbox as event {@code eventId}; it stays uncounted until billing's entitlements name that event. */
    public void written(Count count, String eventId, long nowNanos) {
        Deque<Written> queue = written.computeIfAbsent(count.tenancy(), t -> new ArrayDeque<>());
        synchronized (queue) {
            queue.addLast(new Written(eventId, count.count(), nowNanos));
        }
    }

    /**
     * Billing's entitlements for this tenant and world now count event {@code eventId}: its calls and those of every
     * event written before it (billing meters a tenant's events in the order they were written) leave the uncounted
     * ones. An event this replica did not write changes nothing.
     */
    public void counted(Tenancy tenancy, String eventId) {
        Deque<Written> queue = written.get(tenancy);
        if (queue == null) {
            return;
        }
        synchronized (queue) {
            if (queue.stream().noneMatch(w -> w.eventId().equals(eventId))) {
                return;
            }
            Written first;
            do {
                first = queue.removeFirst();
                release(tenancy, first.count());
            } while (!first.eventId().equals(eventId));
        }
    }

    /**
     * Stops holding against their tenants the calls written before {@code writtenBeforeNanos} that billing never said it
     * counted (its entitlements record was missed, or billing is down that long); returns how many.
     */
    public long expire(long writtenBeforeNanos) {
        long expired = 0;
        for (Map.Entry<Tenancy, Deque<Written>> entry : written.entrySet()) {
            Deque<Written> queue = entry.getValue();
            synchronized (queue) {
                while (!queue.isEmpty() && queue.peekFirst().atNanos() - writtenBeforeNanos < 0) {
                    long count = queue.removeFirst().count();
                    release(entry.getKey(), count);
                    expired += count;
                }
            }
        }
        return expired;
    }

    private void release(Tenancy tenancy, long count) {
        AtomicLong pending = uncounted.get(tenancy);
        if (pending != null) {
            pending.addAndGet(-count);
        }
    }
}
