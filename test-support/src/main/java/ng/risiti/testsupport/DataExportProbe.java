package ng.risiti.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Asks the service under test for a tenant's data export the way auth-service does (a {@code data_export.requested}
 * on risiti.data-exports.v1) and collects its answer from risiti.data-export-parts.v1: for testing one service's
 * contribution without running auth-service.
 */
public final class DataExportProbe {

    public static final String REQUESTS = "risiti.data-exports.v1";
    public static final String PARTS = "risiti.data-export-parts.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One service's answer: its summary ({@code files}, {@code failure}) and the rows of each file, chunks joined
     * in order; {@code chunks} counts the chunk events received.
     */
    public record Answer(UUID exportId, JsonNode summary, Map<String, List<JsonNode>> files, int chunks) {

        public List<JsonNode> file(String name) {
            List<JsonNode> rows = files.get(name);
            if (rows == null) {
                throw new AssertionError("no file " + name + " in the export; files: " + files.keySet());
            }
            return rows;
        }
    }

    private DataExportProbe() {
    }

    public static Answer request(UUID tenantId, String service) {
        return request(tenantId, service, UUID.randomUUID(), Duration.ofSeconds(30));
    }

    /** Publishes the request (again, for a redelivery: same {@code exportId} and event id) and waits for the answer. */
    public static Answer request(UUID tenantId, String service, UUID exportId, Duration timeout) {
        try (KafkaTopicReader parts = KafkaTopicReader.fromEnd(PARTS)) {
            String data = "{\"export_id\":\"" + exportId + "\",\"tenant_id\":\"" + tenantId + "\",\"requested_at\":\"" + Instant.now() + "\"}";
            TestEvents.publish(REQUESTS, exportId.toString(), "request-" + exportId, "data_export.requested", tenantId, data);
            List<ConsumerRecord<String, String>> read = parts.readUntil(
                    records -> records.stream().anyMatch(record -> isSummary(record, exportId, service)), timeout);
            return answer(read, exportId, service);
        }
    }

    /** Every record the service published for {@code exportId} within {@code quiet} of silence (for redelivery checks). */
    public static List<ConsumerRecord<String, String>> partsFor(UUID exportId, String service, Duration quiet) {
        try (KafkaTopicReader parts = KafkaTopicReader.fromBeginning(PARTS)) {
            return parts.readFor(quiet).stream()
                    .filter(record -> exportId.toString().equals(record.key()) && service.equals(tree(record).path("service").asText()))
                    .toList();
        }
    }

    /** The row with this {@code id} column; fails if there is none. */
    public static JsonNode row(List<JsonNode> rows, String id) {
        return rows.stream().filter(row -> id.equals(row.get("id").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no row with id " + id + " among " + rows.size()));
    }

    /** A row's column names, in the order the service exported them. */
    public static List<String> fieldNames(JsonNode row) {
        List<String> names = new ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A timestamp column as an instant (exports write ISO 8601 with an offset). */
    public static Instant instant(JsonNode row, String column) {
        return java.time.OffsetDateTime.parse(row.get(column).asText()).toInstant();
    }

    private static boolean isSummary(ConsumerRecord<String, String> record, UUID exportId, String service) {
        return exportId.toString().equals(record.key())
                && "data_export.contributed".equals(KafkaTopicReader.header(record, "ce_type"))
                && service.equals(tree(record).path("service").asText());
    }

    private static Answer answer(List<ConsumerRecord<String, String>> read, UUID exportId, String service) {
        JsonNode summary = null;
        Map<String, List<JsonNode>> files = new LinkedHashMap<>();
        int chunks = 0;
        for (ConsumerRecord<String, String> record : read) {
            JsonNode data = tree(record);
            if (!exportId.toString().equals(record.key()) || !service.equals(data.path("service").asText())) {
                continue;
            }
            if ("data_export.chunk".equals(KafkaTopicReader.header(record, "ce_type"))) {
                chunks++;
                List<JsonNode> rows = files.computeIfAbsent(data.get("file").asText(), name -> new ArrayList<>());
                data.get("records").forEach(rows::add);
            } else if (summary == null) {
                summary = data;
            }
        }
        for (JsonNode file : summary.get("files")) {
            files.putIfAbsent(file.get("name").asText(), List.of());
        }
        return new Answer(exportId, summary, files, chunks);
    }

    private static JsonNode tree(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
