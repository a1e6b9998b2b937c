package ng.risiti.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The waits before automatic restarts, as the launcher log shows them ("restarting in 4.0s (attempt 3)"). */
class BackoffTests {

    static final long SECOND = 1_000_000_000L;

    @Test
    void aComponentThatKeepsDyingWaitsOneTwoFourSecondsAndSoOnButNeverMoreThanThirty() {
        Backoff backoff = new Backoff(RestartPolicy.DEFAULT);
        backoff.healthy(0);
        List<Long> waits = new ArrayList<>();
        List<Integer> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Backoff.Attempt a = backoff.died(i * SECOND); // each restart attempt fails at once
            attempts.add(a.number());
            waits.add(a.delay().toSeconds());
        }
        assertThat(attempts).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void aComponentThatStayedHealthyForAMinuteStartsOverAtOneSecond() {
        Backoff backoff = new Backoff(RestartPolicy.DEFAULT);
        backoff.healthy(0);
        backoff.died(10 * SECOND);
        backoff.died(11 * SECOND);
        assertThat(backoff.died(13 * SECOND).delay()).isEqualTo(Duration.ofSeconds(4));

        backoff.healthy(20 * SECOND);
        Backoff.Attempt afterAStableMinute = backoff.died(80 * SECOND);

        assertThat(afterAStableMinute.number()).isEqualTo(1);
        assertThat(afterAStableMinute.delay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aComponentThatDiesAgainWithinTheMinuteKeepsBackingOff() {
        Backoff backoff = new Backoff(RestartPolicy.DEFAULT);
        backoff.healthy(0);
        backoff.died(5 * SECOND);
        backoff.healthy(7 * SECOND);
        Backoff.Attempt second = backoff.died(7 * SECOND + 59 * SECOND);

        assertThat(second.number()).isEqualTo(2);
        assertThat(second.delay()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void testsCanShortenEveryWait() {
        RestartPolicy quick = new RestartPolicy(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(2));
        assertThat(List.of(1, 2, 3, 4, 5).stream().map(quick::delayBefore).map(Duration::toMillis))
                .containsExactly(100L, 200L, 400L, 500L, 500L);
    }
}
