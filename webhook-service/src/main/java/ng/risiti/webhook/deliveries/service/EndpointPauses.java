package ng.risiti.webhook.deliveries.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.webhook.deliveries.config.DeliveryConfig;
import ng.risiti.webhook.deliveries.repository.DeliveryRepository;
import ng.risiti.webhook.deliveries.repository.DeliveryRepository.PausedEndpoint;
import ng.risiti.webhook.deliveries.domain.WebhookPayload;
import ng.risiti.webhook.tenants.domain.TenantContact;
import ng.risiti.webhook.tenants.service.TenantContacts;
import org.jboss.logging.Logger;

/**
 * Pauses an endpoint every attempt to which has failed for {@code auto-pause-after} (3 days), as Stripe disables one,
 * and mails the tenant's owner (else the business's contact address) that it did: its pending deliveries are then
 * skipped and new events logged as skipped until someone sets it active again. The mail is sent once, after the pause
 * committed; if the mail server is away it is logged and not retried (the endpoint's status and reason stay visible).
 */
@ApplicationScoped
public class EndpointPauses {

    private static final Logger LOG = Logger.getLogger(EndpointPauses.class);

    private final DeliveryRepository deliveries;
    private final TenantContacts contacts;
    private final ReactiveMailer mailer;
    private final DeliveryConfig config;

    public EndpointPauses(DeliveryRepository deliveries, TenantContacts contacts, ReactiveMailer mailer, DeliveryConfig config) {
        this.deliveries = deliveries;
        this.contacts = contacts;
        this.mailer = mailer;
        this.config = config;
    }

    /** After a failed attempt at {@code at}: pauses the endpoint if it has been failing since before the allowed span. */
    public Uni<Void> pauseIfFailingTooLong(UUID endpointId, OffsetDateTime at) {
        String reason = "Paused automatically: every delivery failed for " + human(config.autoPauseAfter()) + ".";
        return deliveries.pauseIfFailingSince(endpointId, at.minus(config.autoPauseAfter()), at, reason).flatMap(paused -> {
            if (paused == null) {
                return Uni.createFrom().voidItem();
            }
            LOG.warnf("Webhook endpoint %s of tenant %s paused: every delivery failed since %s", endpointId, paused.tenantId(),
                    paused.failingSince());
            return notifyOwner(paused).onFailure().recoverWithItem(failure -> {
                LOG.errorf("Could not mail tenant %s that webhook endpoint %s was paused: %s", paused.tenantId(), endpointId, failure);
                return null;
            });
        });
    }

    private Uni<Void> notifyOwner(PausedEndpoint paused) {
        return contacts.find(paused.tenantId()).flatMap(contact -> {
            String to = contact == null ? null : contact.recipient();
            if (to == null) {
                LOG.warnf("Nobody to mail about paused webhook endpoint %s: no owner or contact address known for tenant %s yet",
                        paused.id(), paused.tenantId());
                return Uni.createFrom().voidItem();
            }
            return mailer.send(notice(paused, contact, to));
        });
    }

    private Mail notice(PausedEndpoint paused, TenantContact contact, String to) {
        String business = contact.businessName == null ? "your business" : contact.businessName;
        String world = paused.testMode() ? " (test mode)" : "";
        String text = """
                Hello,

                Risiti paused the webhook endpoint %s%s of %s: every delivery to it has failed since %s.

                While it is paused it receives nothing, and events are logged as skipped. Once the endpoint answers again, \
                set it active (PATCH /api/v1/webhooks/%s with {"status": "active"}); its delivery log \
                (GET /api/v1/webhooks/%s/deliveries) shows what failed and lets you retry deliveries.

                Risiti
                """.formatted(paused.url(), world, business, WebhookPayload.timestamp(paused.failingSince()), paused.id(), paused.id());
        return Mail.withText(to, "Webhook endpoint paused: " + paused.url(), text);
    }

    private static String human(Duration span) {
        if (span.toDays() >= 1 && span.toHours() % 24 == 0) {
            return span.toDays() + (span.toDays() == 1 ? " day" : " days");
        }
        if (span.toMinutes() >= 1 && span.toSeconds() % 60 == 0) {
            return span.toMinutes() + " minutes";
        }
        return span.toSeconds() + " seconds";
    }
}
