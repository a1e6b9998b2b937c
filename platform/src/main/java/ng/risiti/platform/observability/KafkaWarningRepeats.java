package ng.risiti.platform.observability;

import io.quarkus.logging.LoggingFilter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets a Kafka client's warning through once per {@code risiti.log.kafka-warning-window} (default one minute): while
 * the broker is away every client of every service logs "could not be established" and "disconnected" at each
 * reconnect, about once a second each, ~1,000 lines per service in a minute-long outage (FaultBenchmark), burying our
 * own one-line reports (the relay's "cannot publish") and the first warning that said it all. A repeat is the same
 * logger and the same message (which names its client); errors and other loggers always pass.
 */
@LoggingFilter(name = "kafka-warning-repeats")
public final class KafkaWarningRepeats implements Filter {

    private static final String KAFKA_CLIENTS = "org.apache.kafka.clients";
    /** Clients come and go (a relay's producer is named per start): forget expired messages past this many. */
    private static final int REMEMBERED = 1_000;

    /** The record that last passed for a message: each handler (console, file) asks about the same record. */
    private record Passed(long sequence, long at) {
    }

    private final long windowNanos;
    private final Map<String, Passed> lastPassed = new ConcurrentHashMap<>();

    public KafkaWarningRepeats(@ConfigProperty(name = "risiti.log.kafka-warning-window", defaultValue = "60s") Duration window) {
        this.windowNanos = window.toNanos();
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        String logger = record.getLoggerName();
        if (logger == null || !logger.startsWith(KAFKA_CLIENTS) || record.getLevel().intValue() > Level.WARNING.intValue()) {
            return true;
        }
        long now = System.nanoTime();
        long sequence = record.getSequenceNumber();
        Passed passed = lastPassed.compute(logger + ' ' + record.getMessage(), (message, last) -> {
            if (last != null && (last.sequence() == sequence || now - last.at() < windowNanos)) {
                return last;
            }
            return new Passed(sequence, now);
        });
        if (lastPassed.size() > REMEMBERED) {
            lastPassed.values().removeIf(last -> now - last.at() >= windowNanos);
        }
        return passed.sequence() == sequence;
    }
}
