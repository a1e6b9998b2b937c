package ng.risiti.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A CloudEvent read from a Kafka record in binary mode: attributes from {@code ce_*} headers, data from the value. */
public record IncomingEvent(String id, String type, String source, OffsetDateTime time, String subject, UUID tenantId,
        String topic, String key, String data) {

    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new IllegalArgumentException("record at " + record.topic() + "/" + record.partition() + "@" + record.offset()
                    + " is not a CloudEvent (no ce_id or ce_type header)");
        }
        String time = header(record, CloudEventHeaders.TIME);
        String tenant = header(record, CloudEventHeaders.TENANT_ID);
        return new IncomingEvent(id, type, header(record, CloudEventHeaders.SOURCE),
                time == null ? null : OffsetDateTime.parse(time), header(record, CloudEventHeaders.SUBJECT),
                tenant == null ? null : UUID.fromString(tenant), record.topic(), record.key(), record.value());
    }

    public <T> T data(ObjectMapper mapper, Class<T> type) {
        try {
            return mapper.readValue(data, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
