package ng.risiti.invoice.sending.domain;

import java.time.Duration;

/**
 * When a delivery that failed for a passing reason (a mail server down, WhatsApp answering 503) is tried again: the
 * wait doubles after each attempt from {@code initial} up to {@code max}, and after {@code maxAttempts} attempts the
 * delivery fails for good with its last error.
 */
public record RetrySchedule(Duration initial, Duration max, int maxAttempts) {

    public RetrySchedule {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("initial > 0, max >= initial and maxAttempts >= 1 required");
        }
    }

    /** The wait after the {@code attempts}-th attempt failed (1 = the first). */
    public Duration delayAfter(int attempts) {
        Duration delay = initial;
        for (int i = 1; i < attempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** Whether a delivery that has failed {@code attempts} times is given up. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
