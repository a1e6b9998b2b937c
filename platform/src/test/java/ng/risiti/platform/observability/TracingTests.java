package ng.risiti.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import ng.risiti.platform.testapp.NoteEvents;
import ng.risiti.platform.testapp.PlatformTestTopics;
import ng.risiti.platform.testapp.Tenant;
import ng.risiti.platform.testapp.TestDatabase;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * One trace from an HTTP request through the outbox and Kafka to the consumer that applies its event, as an operator sees
 * it in a tracing backend (the test application exports spans to memory instead of over OTLP).
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "platform"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(PlatformTestTopics.class)
class TracingTests {

    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theRequestThatWroteAnEventAndTheConsumerThatAppliedItAreOneTrace() {
        String noteId = Tenant.create().live().body("{\"text\":\"traced\"}").post("/api/v1/notes").then().statusCode(201).extract()
                .path("data.id");
        String traceId = stored(noteId, "trace_parent").split("-")[1];
        String eventId = stored(noteId, "id::text");

        SpanData request = await().atMost(Duration.ofSeconds(10)).until(
                () -> finished(span -> span.getKind() == SpanKind.SERVER && span.getTraceId().equals(traceId)), Optional::isPresent).get();
        SpanData consumer = await().atMost(Duration.ofSeconds(20)).until(
                () -> finished(span -> span.getKind() == SpanKind.CONSUMER && eventId.equals(span.getAttributes().get(MESSAGE_ID))),
                Optional::isPresent).get();

        assertThat(request.getName()).isEqualTo("POST /api/v1/notes");
        assertThat(consumer.getName()).isEqualTo(NoteEvents.TOPIC + " process");
        assertThat(consumer.getTraceId()).isEqualTo(request.getTraceId());
        assertThat(consumer.getParentSpanContext().isRemote()).isTrue();
    }

    @Test
    void theEventOnKafkaCarriesTheTraceOfTheRequestThatWroteIt() {
        String noteId = Tenant.create().live().body("{\"text\":\"on-kafka\"}").post("/api/v1/notes").then().statusCode(201).extract()
                .path("data.id");
        try (KafkaTopicReader topic = KafkaTopicReader.fromBeginning(NoteEvents.TOPIC)) {
            ConsumerRecord<String, String> record = topic.first(NoteEvents.CREATED, r -> noteId.equals(r.key()), Duration.ofSeconds(20));
            assertThat(KafkaTopicReader.header(record, Traces.TRACEPARENT)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}")
                    .isEqualTo(stored(noteId, "trace_parent"));
        }
    }

    private Optional<SpanData> finished(java.util.function.Predicate<SpanData> wanted) {
        List<SpanData> finished = spans.getFinishedSpanItems();
        return finished.stream().filter(wanted).findFirst();
    }

    private static String stored(String noteId, String column) {
        return TestDatabase.text("select " + column + " from outbox_events where partition_key = '" + noteId + "'");
    }
}
