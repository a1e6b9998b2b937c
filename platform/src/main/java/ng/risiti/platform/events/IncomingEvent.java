package ng.risiti.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import ng.risiti.platform.observability.Traces;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A CloudEvent read from a Kafka record in binary mode: attributes from {@code ce_*} headers, data from the value.
 *
 * @param test true for test-mode data, false for live, null for events that are neither (API keys, sessions)
 * @param aggregateVersion 1, 2, 3 … per aggregate in commit order; 0 on events written before versions existed
 * @param traceParent the W3C trace of the transaction that wrote the event, when tracing was on there
 */
public record IncomingEvent(String id, String type, String source, OffsetDateTime time, String subject, UUID tenantId, Boolean test,
        long aggregateVersion, String topic, int partition, long offset, String key, String data, String traceParent) {

    /** Reads the envelope; a record that is not one of our CloudEvents can never be applied, so it fails permanently. */
    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String where = record.topic() + "/" + record.partition() + "@" + record.offset();
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new PermanentEventFailure("record at " + where + " is not a CloudEvent (no ce_id or ce_type header)");
        }
        String spec = header(record, CloudEventHeaders.SPEC_VERSION);
        if (spec != null && !CloudEventHeaders.SUPPORTED_SPEC_VERSION.equals(spec)) {
            throw new PermanentEventFailure("record at " + where + " is CloudEvents " + spec + "; only "
                    + CloudEventHeaders.SUPPORTED_SPEC_VERSION + " is understood");
        }
        if (!EventTypes.ALL.contains(type)) {
            throw new PermanentEventFailure("record at " + where + " has event type '" + type + "', which this version does not know");
        }
        try {
            String time = header(record, CloudEventHeaders.TIME);
            String tenant = header(record, CloudEventHeaders.TENANT_ID);
            String mode = header(record, CloudEventHeaders.MODE);
            String version = header(record, CloudEventHeaders.AGGREGATE_VERSION);
            return new IncomingEvent(id, type, header(record, CloudEventHeaders.SOURCE),
                    time == null ? null : OffsetDateTime.parse(time), header(record, CloudEventHeaders.SUBJECT),
                    tenant == null ? null : UUID.fromString(tenant), mode == null ? null : CloudEventHeaders.TEST.equals(mode),
                    version == null ? 0 : Long.parseLong(version), record.topic(), record.partition(), record.offset(), record.key(),
                    record.value(), header(record, Traces.TRACEPARENT));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new PermanentEventFailure("record at " + where + " has a malformed CloudEvents attribute: " + e.getMessage(), e);
        }
    }

    /** The same event, its work continuing the trace {@code parent} (its consumer span). */
    public IncomingEvent continuing(String parent) {
        return new IncomingEvent(id, type, source, time, subject, tenantId, test, aggregateVersion, topic, partition, offset, key, data,
                parent);
    }

    /** The data as {@code type}; data that does not fit the contract can never be applied. */
    public <T> T data(ObjectMapper mapper, Class<T> type) {
        try {
            return mapper.readValue(data, type);
        } catch (IOException e) {
            throw new PermanentEventFailure("event " + id + " (" + this.type + ") does not fit " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
