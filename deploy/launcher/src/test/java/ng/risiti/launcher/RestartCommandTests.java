package ng.risiti.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./risiti restart when there is nothing to restart. */
class RestartCommandTests {

    @TempDir
    Path tmp;

    @Test
    void restartWithNoStackRunningSaysSoAndExits3() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StackLayout layout = new StackLayout(tmp, tmp.resolve("state"));

        int code = new Control(layout, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8))
                .restart("invoice-service");

        assertThat(code).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no stack is running here; start one with ./risiti up");
    }

    @Test
    void restartAfterTheSupervisorDiedSaysNoStackRuns() throws Exception {
        StackLayout layout = new StackLayout(tmp, tmp.resolve("state"));
        layout.createDirectories();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        new StateFile(layout.stateFile()).write(() -> new StackState(StackState.READY, gone.pid(), "2026-01-01T00:00:00Z", 1L,
                null, 40000, "token", List.of()));
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = new Control(layout, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8))
                .restart("kafka");

        assertThat(code).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no stack is running here");
    }

    @Test
    void restartNeedsExactlyOneName() {
        assertThatThrownBy(() -> Risiti.run(new String[] {"restart"})).hasMessage("restart needs exactly one name");
        assertThatThrownBy(() -> Risiti.run(new String[] {"restart", "kafka", "nrs-sandbox"}))
                .hasMessage("restart needs exactly one name");
    }
}
