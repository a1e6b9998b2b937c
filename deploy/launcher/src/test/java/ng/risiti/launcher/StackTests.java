package ng.risiti.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StackTests {

    @Test
    void serviceJvmOptionsAreTheDefaultsWithoutExtras() {
        assertThat(Stack.serviceJvmOpts(null)).containsExactly("-Xms32m", "-Xmx192m", "-XX:+UseSerialGC");
        assertThat(Stack.serviceJvmOpts("  ")).containsExactly("-Xms32m", "-Xmx192m", "-XX:+UseSerialGC");
    }

    @Test
    void extrasFromTheEnvironmentComeAfterTheDefaultsSoTheyWin() {
        assertThat(Stack.serviceJvmOpts(" -Xlog:gc:file=/tmp/gc-%p.log   -Xmx256m "))
                .containsExactly("-Xms32m", "-Xmx192m", "-XX:+UseSerialGC", "-Xlog:gc:file=/tmp/gc-%p.log", "-Xmx256m");
    }
}
