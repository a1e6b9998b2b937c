package ng.risiti.webhook.deliveries.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.webhook.deliveries.repository.DeliveryRepository.AttemptRow;
import ng.risiti.webhook.deliveries.repository.DeliveryRepository.DeliveryRow;

/**
 * One delivery in an endpoint's log: the event, where it stands ({@code pending}, {@code succeeded}, {@code failed},
 * {@code skipped}), when the next attempt is due, and every attempt with its time, status code, latency and the first
 * 1 KB of the answer.
 */
public record DeliveryResponse(UUID id, String event, String eventId, String status, int attemptCount, OffsetDateTime nextRetryAt,
        Integer lastStatusCode, String lastError, OffsetDateTime createdAt, OffsetDateTime completedAt, List<Attempt> attempts) {

    public record Attempt(int attempt, OffsetDateTime attemptedAt, Integer statusCode, int latencyMs, String responseExcerpt, String error) {
        static Attempt of(AttemptRow row) {
            return new Attempt(row.attempt(), row.attemptedAt(), row.statusCode(), row.latencyMs(), row.responseExcerpt(), row.error());
        }
    }

    public static DeliveryResponse of(DeliveryRow row) {
        return new DeliveryResponse(row.id(), row.eventType(), row.eventId(), row.status(), row.attempts().size(), row.nextAttemptAt(),
                row.lastStatusCode(), row.lastError(), row.createdAt(), row.completedAt(), row.attempts().stream().map(Attempt::of).toList());
    }
}
