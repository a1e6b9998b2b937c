package ng.risiti.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StackTests {

    private static final String[] DEFAULTS = {"-Xms32m", "-Xmx192m", "-XX:+UseSerialGC", "-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000", "-XX:Tier4CompileThreshold=150000", "-XX:Tier4BackEdgeThreshold=400000"};

    @Test
    void serviceJvmOptionsAreTheDefaultsWithoutExtras() {
        assertThat(Stack.serviceJvmOpts(null)).containsExactly(DEFAULTS);
        assertThat(Stack.serviceJvmOpts("  ")).containsExactly(DEFAULTS);
    }

    @Test
    void extrasFromTheEnvironmentComeAfterTheDefaultsSoTheyWin() {
        assertThat(Stack.serviceJvmOpts(" -Xlog:gc:file=/tmp/gc-%p.log   -Xmx256m "))
                .startsWith(DEFAULTS).endsWith("-Xlog:gc:file=/tmp/gc-%p.log", "-Xmx256m").hasSize(DEFAULTS.length + 2);
    }

    @Test
    void theHealthTimeoutIsNinetySecondsUnlessTheEnvironmentGivesAWholeNumber() {
        assertThat(Stack.healthTimeoutSeconds(null)).isEqualTo(90);
        assertThat(Stack.healthTimeoutSeconds("ten")).isEqualTo(90);
        assertThat(Stack.healthTimeoutSeconds(" 300 ")).isEqualTo(300);
        assertThat(Stack.healthTimeoutSeconds("0")).isEqualTo(1);
    }
}
