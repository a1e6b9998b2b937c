package ng.risiti.systemtests;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import ng.risiti.testsupport.KafkaTopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Kafka as the tests see it: the invoices topic read with a plain consumer, and consumer groups' committed offsets. */
final class Events {

    static final String INVOICES_TOPIC = "risiti.invoices.v1";
    static final String FINALIZED = "invoice.finalized";
    static final String WEBHOOK_GROUP = "webhook-service.invoices";
    static final String NRS_GATEWAY_GROUP = "nrs-gateway-service.invoices";

    private Events() {
    }

    /** The {@code invoice.finalized} records of one invoice among those read (key = invoice id). */
    static List<ConsumerRecord<String, String>> finalizedOf(List<ConsumerRecord<String, String>> records, UUID invoiceId) {
        return records.stream()
                .filter(r -> invoiceId.toString().equals(r.key()))
                .filter(r -> FINALIZED.equals(KafkaTopicReader.header(r, "ce_type")))
                .toList();
    }

    /** The offset consumer group {@code group} committed for the record's partition (the next one it will read). */
    static OptionalLong committedOffset(String bootstrapServers, String group, ConsumerRecord<?, ?> record) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
            OffsetAndMetadata committed = offsets.get(new TopicPartition(record.topic(), record.partition()));
            return committed == null ? OptionalLong.empty() : OptionalLong.of(committed.offset());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the committed offsets of consumer group " + group, e);
        }
    }
}
