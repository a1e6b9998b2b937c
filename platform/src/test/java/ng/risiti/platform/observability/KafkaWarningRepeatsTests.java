package ng.risiti.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** The filter alone; LogContextTests shows it installed on the service's log handlers. */
class KafkaWarningRepeatsTests {

    private static final String NETWORK_CLIENT = "org.apache.kafka.clients.NetworkClient";
    private static final String UNREACHABLE = "[Consumer clientId=a, groupId=g] Connection to node -1 could not be established.";

    @Test
    void aKafkaClientsWarningPassesOncePerWindowAndAgainAfterIt() {
        KafkaWarningRepeats filter = new KafkaWarningRepeats(Duration.ofMillis(300));
        LogRecord warning = record(Level.WARNING, NETWORK_CLIENT, UNREACHABLE);

        assertThat(filter.isLoggable(warning)).isTrue();
        assertThat(filter.isLoggable(warning)).as("the same record, asked by the next handler").isTrue();
        LogRecord repeat = record(Level.WARNING, NETWORK_CLIENT, UNREACHABLE);
        assertThat(filter.isLoggable(repeat)).isFalse();
        assertThat(filter.isLoggable(repeat)).isFalse();
        // another client's warning, the same words from another logger, an error: not repeats
        assertThat(filter.isLoggable(record(Level.WARNING, NETWORK_CLIENT, UNREACHABLE.replace("clientId=a", "clientId=b")))).isTrue();
        assertThat(filter.isLoggable(record(Level.WARNING, "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator", UNREACHABLE)))
                .isTrue();
        assertThat(filter.isLoggable(record(Level.SEVERE, NETWORK_CLIENT, UNREACHABLE))).isTrue();
        assertThat(filter.isLoggable(record(Level.SEVERE, NETWORK_CLIENT, UNREACHABLE))).isTrue();
        // our own loggers are never held back
        LogRecord ours = record(Level.WARNING, "ng.risiti.platform.events.relay.OutboxRelay", "Outbox relay cannot publish");
        assertThat(filter.isLoggable(ours)).isTrue();
        assertThat(filter.isLoggable(ours)).isTrue();

        // once the window has passed, the warning is news again
        await().atMost(Duration.ofSeconds(5)).until(() -> filter.isLoggable(record(Level.WARNING, NETWORK_CLIENT, UNREACHABLE)));
        assertThat(filter.isLoggable(record(Level.WARNING, NETWORK_CLIENT, UNREACHABLE))).isFalse();
    }

    private static LogRecord record(Level level, String logger, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger);
        return record;
    }
}
