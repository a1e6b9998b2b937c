package ng.risiti.webhook.deliveries.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.webhook.deliveries.config.DeliveryConfig;
import ng.risiti.webhook.deliveries.repository.DeliveryRepository;
import org.jboss.logging.Logger;

/**
 * Pauses an endpoint every attempt to which has failed for {@code auto-pause-after} (3 days), as Stripe disables one:
 * its pending deliveries are then skipped and new events logged as skipped until someone sets it active again.
 */
@ApplicationScoped
public class EndpointPauses {

    private static final Logger LOG = Logger.getLogger(EndpointPauses.class);

    private final DeliveryRepository deliveries;
    private final DeliveryConfig config;

    public EndpointPauses(DeliveryRepository deliveries, DeliveryConfig config) {
        this.deliveries = deliveries;
        this.config = config;
    }

    /** After a failed attempt at {@code at}: pauses the endpoint if it has been failing since before the allowed span. */
    public Uni<Void> pauseIfFailingTooLong(UUID endpointId, OffsetDateTime at) {
        String reason = "Paused automatically: every delivery failed for " + human(config.autoPauseAfter()) + ".";
        return deliveries.pauseIfFailingSince(endpointId, at.minus(config.autoPauseAfter()), at, reason).invoke(paused -> {
            if (paused) {
                LOG.warnf("Webhook endpoint %s paused: every delivery failed for %s", endpointId, config.autoPauseAfter());
            }
        }).replaceWithVoid();
    }

    private static String human(java.time.Duration span) {
        if (span.toDays() >= 1 && span.toHours() % 24 == 0) {
            return span.toDays() + (span.toDays() == 1 ? " day" : " days");
        }
        if (span.toMinutes() >= 1 && span.toSeconds() % 60 == 0) {
            return span.toMinutes() + " minutes";
        }
        return span.toSeconds() + " seconds";
    }
}
