package ng.risiti.launcher;

import java.time.Duration;

/**
 * One component's crash loop under a {@link RestartPolicy}: which restart attempt comes next and how long to wait
 * before it. Times are {@link System#nanoTime()} values passed in, so tests need no clock.
 */
final class Backoff {

    record Attempt(int number, Duration delay) {
    }

    private final RestartPolicy policy;
    /** deaths since the component last stayed up for {@code stableAfter} */
    private int failures;
    private boolean up;
    private long upSince;

    Backoff(RestartPolicy policy) {
        this.policy = policy;
    }

    /** It became healthy (at start or after a restart). */
    synchronized void healthy(long nanoTime) {
        up = true;
        upSince = nanoTime;
    }

    /** It died (or a restart attempt failed): the attempt to make next. */
    synchronized Attempt died(long nanoTime) {
        if (up && nanoTime - upSince >= policy.stableAfter().toNanos()) {
            failures = 0;
        }
        up = false;
        failures++;
        return new Attempt(failures, policy.delayBefore(failures));
    }
}
