package ng.risiti.launcher;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** {@code req_<uuidv7>}, the request-id shape the services use. */
final class RequestIds {

    private RequestIds() {
    }

    static String next() {
        return "req_" + uuid7();
    }

    /** RFC 9562 UUIDv7: 48-bit Unix millis, version 7, 74 random bits. */
    static UUID uuid7() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long ms = System.currentTimeMillis();
        long msb = (ms << 16) | 0x7000L | (r.nextLong() & 0x0FFFL);
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
