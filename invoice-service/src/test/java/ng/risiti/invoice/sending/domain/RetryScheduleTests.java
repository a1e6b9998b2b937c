package ng.risiti.invoice.sending.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTests {

    private final RetrySchedule production = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), 12);

    @Test
    void theWaitDoublesAfterEachFailedAttemptUpToTheCap() {
        assertThat(production.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(production.delayAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(production.delayAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(production.delayAfter(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(production.delayAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(production.delayAfter(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theDefaultsKeepTryingForAboutFiveHoursBeforeGivingUp() {
        Duration total = Duration.ZERO;
        int attempts = 1;
        while (!production.exhausted(attempts)) {
            total = total.plus(production.delayAfter(attempts));
            attempts++;
        }
        assertThat(attempts).isEqualTo(12);
        assertThat(total).isEqualTo(Duration.ofMinutes(4 * 60 + 63).plusSeconds(30));
    }

    @Test
    void aScheduleThatCouldNeverRetryIsRefused() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofMinutes(1), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofMinutes(2), Duration.ofMinutes(1), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofMinutes(1), Duration.ofMinutes(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
