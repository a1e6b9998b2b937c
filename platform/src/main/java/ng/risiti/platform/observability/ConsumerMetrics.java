package ng.risiti.platform.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.eclipse.microprofile.config.Config;

/**
 * Per consumer channel: its lag (records on its partitions it has not fetched yet) and its dead-letter count from zero,
 * so alerts and dashboards see every channel before its first dead letter. The lag is summed from the Kafka consumer's
 * own per-partition {@code records-lag} metric, so a scrape never calls the broker.
 */
@ApplicationScoped
public class ConsumerMetrics {

    private static final String PREFIX = "mp.messaging.incoming.";
    private static final String CONNECTOR = ".connector";

    private final MeterRegistry metrics;
    private final KafkaClientService kafka;
    private final Config config;

    public ConsumerMetrics(MeterRegistry metrics, KafkaClientService kafka, Config config) {
        this.metrics = metrics;
        this.kafka = kafka;
        this.config = config;
    }

    void register(@Observes StartupEvent ignored) {
        for (String channel : kafkaChannels()) {
            String group = config.getOptionalValue(PREFIX + channel + ".group.id", String.class).orElse(channel);
            Gauge.builder("risiti.consumer.lag", () -> lag(channel)).tag("channel", channel).tag("group", group)
                    .description("Records on the channel's partitions not fetched yet").register(metrics);
            deadLetters(metrics, channel, group);
        }
    }

    /** The counter {@code Consumers} increments for each event it dead-letters. */
    public static Counter deadLetters(MeterRegistry metrics, String channel, String group) {
        return Counter.builder("risiti.consumer.dead.letters").tag("channel", channel).tag("group", group)
                .description("Events sent to a dead-letter topic").register(metrics);
    }

    private Set<String> kafkaChannels() {
        Set<String> channels = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX) && name.endsWith(CONNECTOR) && "smallrye-kafka".equals(config.getOptionalValue(name, String.class)
                    .orElse(null))) {
                channels.add(name.substring(PREFIX.length(), name.length() - CONNECTOR.length()));
            }
        }
        return channels;
    }

    /** NaN until the channel's consumer has fetched (no partitions assigned yet). */
    private double lag(String channel) {
        List<KafkaConsumer<Object, Object>> consumers;
        try {
            consumers = kafka.getConsumers(channel);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
        double lag = 0;
        boolean measured = false;
        for (KafkaConsumer<Object, Object> consumer : consumers) {
            for (Map.Entry<MetricName, ? extends Metric> metric : consumer.unwrap().metrics().entrySet()) {
                MetricName name = metric.getKey();
                if ("records-lag".equals(name.name()) && "consumer-fetch-manager-metrics".equals(name.group())
                        && metric.getValue().metricValue() instanceof Double value && !value.isNaN()) {
                    lag += value;
                    measured = true;
                }
            }
        }
        return measured ? lag : Double.NaN;
    }
}
