package ng.risiti.platform.request;

import java.security.SecureRandom;
import java.util.UUID;

/** RFC 9562 version-7 UUIDs: time-ordered, so ids sort by creation and make good keyset-pagination keys. */
public final class UuidV7 {

    private static final SecureRandom RANDOM = new SecureRandom();

    private UuidV7() {
    }

    public static UUID next() {
        long millis = System.currentTimeMillis();
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long msb = (millis << 16) | 0x7000L | ((random[0] & 0x0fL) << 8) | (random[1] & 0xffL);
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
