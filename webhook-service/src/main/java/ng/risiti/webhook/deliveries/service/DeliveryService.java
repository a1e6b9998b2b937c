package ng.risiti.webhook.deliveries.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.time.Clocks;
import ng.risiti.webhook.deliveries.domain.DeliveryStatus;
import ng.risiti.webhook.deliveries.domain.WebhookPayload;
import ng.risiti.webhook.deliveries.repository.DeliveryRepository;
import ng.risiti.webhook.deliveries.repository.DeliveryRepository.DeliveryRow;
import ng.risiti.webhook.endpoints.domain.EndpointStatus;
import ng.risiti.webhook.endpoints.domain.WebhookEndpoint;
import ng.risiti.webhook.endpoints.domain.WebhookEvents;
import ng.risiti.webhook.endpoints.service.EndpointService;

/**
 * An endpoint's delivery log, manual retries and test events (docs/specification.md, Webhooks). The endpoint must be
 * the caller's (404 otherwise); a paused endpoint sends nothing, so retrying or testing one is 422.
 */
@ApplicationScoped
public class DeliveryService {

    private final EndpointService endpoints;
    private final DeliveryRepository deliveries;
    private final DeliveryDispatcher dispatcher;
    private final Clock clock;

    public DeliveryService(EndpointService endpoints, DeliveryRepository deliveries, DeliveryDispatcher dispatcher, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    public Uni<List<DeliveryRow>> page(Caller caller, UUID endpointId, PageRequest page) {
        return endpoints.get(caller, endpointId).flatMap(endpoint -> deliveries.page(endpoint.id, page));
    }

    /** One more attempt, due now, for a delivery that is not pending (succeeded ones may be sent again too). */
    public Uni<QueuedDelivery> retry(Caller caller, UUID endpointId, UUID deliveryId) {
        return Panache.withTransaction(() -> active(caller, endpointId).flatMap(endpoint -> deliveries.statusOf(endpoint.id, deliveryId)
                .flatMap(found -> {
                    if (found == null) {
                        throw ApiException.notFound("Delivery", deliveryId);
                    }
                    if (DeliveryStatus.of(found[0]) == DeliveryStatus.PENDING) {
                        throw ApiException.conflict("This delivery is already pending; its next attempt is on its way.");
                    }
                    return deliveries.retryNow(endpoint.id, deliveryId, Clocks.now(clock))
                            .map(changed -> new QueuedDelivery(deliveryId, found[2], found[1]));
                })))
                .invoke(queued -> dispatcher.wake());
    }

    /** A {@code webhook.test} event with a sample payload, delivered and logged like any other. */
    public Uni<QueuedDelivery> sendTest(Caller caller, UUID endpointId) {
        OffsetDateTime now = Clocks.now(clock);
        String eventId = UuidV7.next().toString();
        return Panache.withTransaction(() -> active(caller, endpointId).flatMap(endpoint -> deliveries.queue(endpoint.id, endpoint.tenantId,
                        endpoint.testMode, eventId, WebhookEvents.TEST, WebhookPayload.test(endpoint.tenantId, now), now,
                        dispatcher.retries().attempts())))
                .map(id -> new QueuedDelivery(id, eventId, WebhookEvents.TEST))
                .invoke(queued -> dispatcher.wake());
    }

    private Uni<WebhookEndpoint> active(Caller caller, UUID endpointId) {
        return endpoints.get(caller, endpointId).invoke(endpoint -> {
            if (endpoint.status != EndpointStatus.ACTIVE) {
                throw ApiException.unprocessable("This webhook is paused and receives nothing; set its status to active first.");
            }
        });
    }
}
