package ng.risiti.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class StatusFormatTests {

    @Test
    void aRestartTimeAlwaysHasItsSecondsEvenOnTheMinute() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        assertThat(Control.restartTime(LocalDateTime.of(2026, 11, 26, 6, 15, 0), today)).isEqualTo("06:15:00");
        assertThat(Control.restartTime(LocalDateTime.of(2026, 11, 26, 6, 15, 7, 999_000_000), today)).isEqualTo("06:15:07");
        assertThat(Control.restartTime(LocalDateTime.of(2026, 11, 24, 9, 12, 0), today)).isEqualTo("2026-11-24 09:12:00");
    }
}
