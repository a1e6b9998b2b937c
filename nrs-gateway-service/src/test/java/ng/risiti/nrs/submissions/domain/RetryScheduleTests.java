package ng.risiti.nrs.submissions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTests {

    final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5), Duration.ofMinutes(1), 4);

    @Test
    void theWaitDoublesUpToItsCapAndJitterAddsAtMostAFifth() {
        assertThat(schedule.delayAfter(1, () -> 0.0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.delayAfter(2, () -> 0.0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.delayAfter(4, () -> 0.0)).isEqualTo(Duration.ofSeconds(40));
        assertThat(schedule.delayAfter(5, () -> 0.0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(schedule.delayAfter(30, () -> 0.0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(schedule.delayAfter(2, () -> 0.999)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(12));
    }

    @Test
    void afterMaxAttemptsItIsExhaustedAndANonsenseScheduleIsRefused() {
        assertThat(schedule.exhausted(3)).isFalse();
        assertThat(schedule.exhausted(4)).isTrue();
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofSeconds(1), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(2), Duration.ofSeconds(1), 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
