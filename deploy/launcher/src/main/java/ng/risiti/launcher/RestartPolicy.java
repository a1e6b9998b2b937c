package ng.risiti.launcher;

import java.time.Duration;

/**
 * How long the supervisor waits before it starts a dead component again, the way Kubernetes treats a crashing
 * container: 1 s, 2 s, 4 s ... up to 30 s, so a component that cannot start does not spin the CPU, and back to 1 s
 * once it has stayed up for a minute. Tests pass shorter durations.
 */
record RestartPolicy(Duration firstDelay, Duration maxDelay, Duration stableAfter) {

    static final RestartPolicy DEFAULT = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));

    RestartPolicy {
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || stableAfter.isNegative()) {
            throw new IllegalArgumentException("need 0 <= firstDelay <= maxDelay and stableAfter >= 0: " + this);
        }
    }

    /** The wait before restart attempt {@code attempt} (1 = the first since the component was last stable). */
    Duration delayBefore(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1: " + attempt);
        }
        Duration delay = firstDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
