package ng.risiti.testsupport;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * RisitiTestResources and PromptFirstPoll as services use them: inside a @QuarkusTest (Quarkus class loaders, real
 * config).
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "quarkus_selftest"))
class QuarkusIntegrationTests {

    @Test
    void configComesFromTheTestResource() {
        var config = ConfigProvider.getConfig();
        String bootstrap = config.getValue("kafka.bootstrap.servers", String.class);
        assertThat(bootstrap).isEqualTo(RisitiTestResources.kafkaBootstrapServers());
        assertThat(config.getValue("quarkus.datasource.jdbc.url", String.class))
                .isEqualTo(RisitiTestResources.postgres().jdbcUrl("risiti_quarkus_selftest_test"));
        TestTopics.create("risiti.quarkus-selftest");
        try (KafkaTopicReader reader = KafkaTopicReader.fromEnd("risiti.quarkus-selftest")) {
            assertThat(reader.readFor(Duration.ofMillis(300))).isEmpty();
        }
    }

    /** Awaitility lives in Quarkus's class loader here: without PromptFirstPoll this would idle its 2 s poll interval. */
    @Test
    void anAwaitLooksAtItsConditionAtOnce() {
        await().pollDelay(Duration.ZERO).until(() -> true); // Awaitility's first use in the JVM loads classes and threads
        long start = System.nanoTime();
        await().pollInterval(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
}
