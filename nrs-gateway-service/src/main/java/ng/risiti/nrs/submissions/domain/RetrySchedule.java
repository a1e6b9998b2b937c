package ng.risiti.nrs.submissions.domain;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When a submission that failed for a passing reason (NRS timing out, 5xx, 429) is tried again: the wait doubles
 * from {@code initial} up to {@code max}, with up to 20% random jitter added so a burst of jobs failing together does
 * not come back together; after {@code maxAttempts} claims the submission fails for good with its last error.
 */
public record RetrySchedule(Duration initial, Duration max, int maxAttempts) {

    public RetrySchedule {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("initial > 0, max >= initial and maxAttempts >= 1 required");
        }
    }

    /** The wait after the {@code attempts}-th claim failed (1 = the first); {@code random} in [0, 1). */
    public Duration delayAfter(int attempts, DoubleSupplier random) {
        Duration delay = initial;
        for (int i = 1; i < attempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        if (delay.compareTo(max) > 0) {
            delay = max;
        }
        return delay.plusMillis((long) (delay.toMillis() * 0.2 * random.getAsDouble()));
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
