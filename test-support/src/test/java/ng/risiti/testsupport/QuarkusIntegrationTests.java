package ng.risiti.testsupport;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** RisitiTestResources as services use it: inside a @QuarkusTest (Quarkus class loaders, real config). */
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
}
