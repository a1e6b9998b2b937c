package ng.risiti.platform.request;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** RFC 9562 version-7 UUIDs: time-ordered, so ids sort by creation and make good keyset-pagination keys. */
public final class UuidV7 {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The most significant half of the last id made here: time, version and rand_a. */
    private static final AtomicLong LAST_MSB = new AtomicLong();

    private UuidV7() {
    }

    /**
     * Ids made in the same millisecond follow each other (RFC 9562's method 3: {@code rand_a} counts on from a random
     * start), so within a service they sort in the order they were made: two journal entries posted in one
     * millisecond listed newest first in either order before.
     */
    public static UUID next() {
        long millis = System.currentTimeMillis();
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long fresh = (millis << 16) | 0x7000L | ((random[0] & 0x07L) << 8) | (random[1] & 0xffL);
        long msb = LAST_MSB.accumulateAndGet(fresh, (last, candidate) -> {
            if (candidate > last) {
                return candidate;
            }
            // rand_a spent in this millisecond: borrow the next one rather than touch the version bits
            return (last & 0xfffL) == 0xfffL ? (((last >>> 16) + 1) << 16) | 0x7000L : last + 1;
        });
        long lsb = 0L;
        for (int i = 2; i < 10; i++) {
            lsb = (lsb << 8) | (random[i] & 0xffL);
        }
        lsb = (lsb & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** The least version-7 UUID of {@code at}'s millisecond: every id made at or after {@code at} sorts at or above it. */
    public static UUID first(java.time.Instant at) {
        return new UUID((at.toEpochMilli() << 16) | 0x7000L, 0x8000000000000000L);
    }
}
