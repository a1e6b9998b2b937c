package ng.risiti.platform.events.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ng.risiti.platform.concurrent.Offload;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.DeadLetters;
import ng.risiti.platform.events.EventConsumer;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.events.PermanentEventFailure;
import ng.risiti.platform.events.TopicProvisioner;
import ng.risiti.platform.rest.Data;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.resteasy.reactive.RestPath;

/**
 * {@code /internal/dead-letters}: the events this service's consumers could never apply, and a replay that runs one
 * through its consumer again (after a fix was deployed). Operators; service token. {@code ./risiti dead-letters}
 * calls these for the local stack.
 */
@Path("/internal/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    public record DeadLetterView(String deadLetterTopic, int partition, long offset, String originalTopic, String key, String eventId,
            String eventType, String consumerGroup, String error, String failedAt, OffsetDateTime replayedAt) {
    }

    public record Replay(String deadLetterTopic, int partition, long offset, String eventId, boolean applied) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final DeadLetters deadLetters;
    private final Consumers consumers;
    private final Instance<EventConsumer> eventConsumers;
    private final Pool pool;

    public DeadLetterResource(DeadLetters deadLetters, Consumers consumers, Instance<EventConsumer> eventConsumers, Pool pool) {
        this.deadLetters = deadLetters;
        this.consumers = consumers;
        this.eventConsumers = eventConsumers;
        this.pool = pool;
    }

    @GET
    @Blocking
    public Map<String, List<DeadLetterView>> list() {
        Map<String, String> topicByGroup = new LinkedHashMap<>();
        eventConsumers.forEach(consumer -> topicByGroup.put(consumers.group(consumer.channel()), consumers.topic(consumer.channel())));
        Map<String, OffsetDateTime> replayed = new HashMap<>();
        for (Row row : pool.query("select dead_letter_topic, kafka_partition, kafka_offset, replayed_at from dead_letter_replays")
                .execute().await().atMost(TIMEOUT)) {
            replayed.put(position(row.getString(0), row.getInteger(1), row.getLong(2)), row.getOffsetDateTime(3));
        }
        List<DeadLetterView> letters = deadLetters.list(topicByGroup).stream()
                .map(letter -> new DeadLetterView(letter.deadLetterTopic(), letter.partition(), letter.offset(), letter.originalTopic(),
                        letter.key(), letter.eventId(), letter.eventType(), letter.consumerGroup(), letter.error(), letter.failedAt(),
                        replayed.get(position(letter.deadLetterTopic(), letter.partition(), letter.offset()))))
                .toList();
        return Map.of("data", letters);
    }

    /** Applies the dead letter through the consumer that failed it; 422 with the reason if it still cannot be applied. */
    @POST
    @Path("/{topic}/{partition}/{offset}/replay")
    public Uni<Data<Replay>> replay(@RestPath String topic, @RestPath int partition, @RestPath long offset) {
        return Offload.run(() -> deadLetters.read(topic, partition, offset))
                .flatMap(found -> {
                    ConsumerRecord<String, String> letter = found.orElseThrow(() -> ApiException.notFound("Dead letter",
                            topic + "/" + partition + "@" + offset));
                    ConsumerRecord<String, String> original = DeadLetters.original(letter);
                    EventConsumer consumer = consumerOf(topic);
                    IncomingEvent event;
                    try {
                        event = IncomingEvent.from(original);
                    } catch (PermanentEventFailure e) {
                        throw new ApiException(ErrorCode.UNPROCESSABLE, "The dead letter still cannot be applied: " + e.getMessage());
                    }
                    return consumers.applyOnce(consumer, event)
                            .onFailure(PermanentEventFailure.class).transform(e -> new ApiException(ErrorCode.UNPROCESSABLE,
                                    "The dead letter still cannot be applied: " + e.getMessage()))
                            .onFailure(failure -> !(failure instanceof ApiException)).transform(e -> new ApiException(
                                    ErrorCode.SERVICE_UNAVAILABLE, "The dead letter could not be applied right now (" + e.getMessage()
                                    + "); retry."))
                            .call(() -> pool.preparedQuery("""
                                            insert into dead_letter_replays (dead_letter_topic, kafka_partition, kafka_offset, event_id, replayed_at)
                                            values ($1, $2, $3, $4, now()) on conflict do nothing""")
                                    .execute(Tuple.of(topic, partition, offset, event.id())))
                            .map(applied -> Data.of(new Replay(topic, partition, offset, event.id(), applied)));
                });
    }

    private EventConsumer consumerOf(String deadLetterTopic) {
        for (EventConsumer consumer : eventConsumers) {
            String channel = consumer.channel();
            if (TopicProvisioner.deadLetterTopic(consumers.topic(channel), consumers.group(channel)).equals(deadLetterTopic)) {
                return consumer;
            }
        }
        throw ApiException.notFound("Dead-letter topic of this service", deadLetterTopic);
    }

    private static String position(String topic, int partition, long offset) {
        return topic + "/" + partition + "@" + offset;
    }
}
