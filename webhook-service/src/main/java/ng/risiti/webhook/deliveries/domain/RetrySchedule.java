package ng.risiti.webhook.deliveries.domain;

import java.time.Duration;
import java.util.List;

/**
 * The API reference's retry schedule: after a failed first attempt, retries 30 s, 5 min and 30 min later (configurable,
 * so tests wait seconds); after the last retry fails, the delivery has failed.
 */
public record RetrySchedule(List<Duration> delays) {

    public RetrySchedule {
        if (delays.stream().anyMatch(delay -> delay.isNegative() || delay.isZero())) {
            throw new IllegalArgumentException("retry delays must be positive");
        }
        delays = List.copyOf(delays);
    }

    /** Attempts a delivery gets before it fails: the first and one per retry. */
    public int attempts() {
        return 1 + delays.size();
    }

    /** The wait after the {@code attempt}-th attempt failed (1 = the first); the last delay again beyond the schedule. */
    public Duration delayAfter(int attempt) {
        if (delays.isEmpty()) {
            return Duration.ofSeconds(30);
        }
        return delays.get(Math.min(Math.max(attempt, 1), delays.size()) - 1);
    }
}
