package ng.risiti.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import ng.risiti.platform.testapp.PlatformTestTopics;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/**
 * test-support's PromptFirstPoll reaches a {@code @QuarkusTest} class, whose Awaitility lives in Quarkus's class loader:
 * without it this await would idle its 2 s poll interval before looking at a condition that already holds.
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "platform"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(PlatformTestTopics.class)
class PromptFirstPollTests {

    @Test
    void anAwaitLooksAtItsConditionAtOnce() {
        await().pollDelay(Duration.ZERO).until(() -> true); // Awaitility's first use in the JVM loads classes and threads
        long start = System.nanoTime();
        await().pollInterval(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
}
