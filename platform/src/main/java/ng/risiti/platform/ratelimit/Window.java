package ng.risiti.platform.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed-window counter in one {@link AtomicLong}: the window number in the high 40 bits, the count in the low 24,
 * so "new window or one more, unless at the limit" is a single compare-and-set. N racing acquirers against a limit
 * of M: exactly M win.
 */
final class Window {

    private static final int COUNT_BITS = 24;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;

    private final AtomicLong state = new AtomicLong();

    /** One more in {@code window} if fewer than {@code limit} were counted there; false (nothing counted) otherwise. */
    boolean tryAcquire(long window, long limit) {
        long cap = Math.min(limit, COUNT_MASK);
        while (true) {
            long current = state.get();
            long next;
            if ((current >>> COUNT_BITS) != window) {
                if (cap < 1) {
                    return false;
                }
                next = (window << COUNT_BITS) | 1;
            } else if ((current & COUNT_MASK) >= cap) {
                return false;
            } else {
                next = current + 1;
            }
            if (state.compareAndSet(current, next)) {
                return true;
            }
        }
    }

    /** How many were counted in {@code window}. */
    long count(long window) {
        long current = state.get();
        return (current >>> COUNT_BITS) == window ? current & COUNT_MASK : 0;
    }
}
