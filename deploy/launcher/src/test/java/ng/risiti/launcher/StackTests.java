package ng.risiti.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StackTests {

    @Test
    void serviceJvmOptionsAreTheDefaultsWithoutExtras() {
        assertThat(Stack.serviceJvmOpts(null)).containsExactly("-Xms32m", "-Xmx192m", "-XX:+UseSerialGC", "-XX:TrimNativeHeapInterval=2000");
        assertThat(Stack.serviceJvmOpts("  ")).containsExactly("-Xms32m", "-Xmx192m", "-XX:+UseSerialGC", "-XX:TrimNativeHeapInterval=2000");
    }

    @Test
    void extrasFromTheEnvironmentComeAfterTheDefaultsSoTheyWin() {
        assertThat(Stack.serviceJvmOpts(" -Xlog:gc:file=/tmp/gc-%p.log   -Xmx256m "))
                .containsExactly("-Xms32m", "-Xmx192m", "-XX:+UseSerialGC", "-XX:TrimNativeHeapInterval=2000", "-Xlog:gc:file=/tmp/gc-%p.log", "-Xmx256m");
    }

    @Test
    void theHealthTimeoutIsNinetySecondsUnlessTheEnvironmentGivesAWholeNumber() {
        assertThat(Stack.healthTimeoutSeconds(null)).isEqualTo(90);
        assertThat(Stack.healthTimeoutSeconds("ten")).isEqualTo(90);
        assertThat(Stack.healthTimeoutSeconds(" 300 ")).isEqualTo(300);
        assertThat(Stack.healthTimeoutSeconds("0")).isEqualTo(1);
    }
}
