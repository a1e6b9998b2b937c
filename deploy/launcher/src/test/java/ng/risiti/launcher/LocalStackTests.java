package ng.risiti.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process API's cheap parts; the system tests (system-tests/) run it against the real stack. */
class LocalStackTests {

    @TempDir
    Path tmp;

    @Test
    void stateDirectoryDefaultsToDotRisitiAndCanBeMoved() {
        Path root = tmp.resolve("repo");
        assertThat(new StackLayout(root).state()).isEqualTo(root.resolve(".risiti"));

        StackLayout elsewhere = new StackLayout(root, tmp.resolve("state"));
        assertThat(elsewhere.log("invoice-service")).isEqualTo(tmp.resolve("state/logs/invoice-service.log"));
        assertThat(elsewhere.pidFile("kafka")).isEqualTo(tmp.resolve("state/pids/kafka.pid"));
        assertThat(elsewhere.data()).isEqualTo(tmp.resolve("state/data"));
    }

    @Test
    void onlyServicesCanBeRestarted() {
        Supervisor supervisor = new Supervisor(new StackLayout(tmp, tmp.resolve("state")), Set.of());
        assertThatThrownBy(() -> supervisor.restartService("postgres", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a service: postgres");
        assertThat(supervisor.pid("invoice-service")).isEmpty();
        assertThat(supervisor.postgres()).isNull();
    }
}
