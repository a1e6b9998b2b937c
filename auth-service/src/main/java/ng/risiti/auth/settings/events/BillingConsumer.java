package ng.risiti.auth.settings.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.auth.account.domain.Plans;
import ng.risiti.auth.settings.service.BillingNotices;
import ng.risiti.auth.settings.service.SettingsService;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.EventConsumer;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.events.PermanentEventFailure;
import ng.risiti.platform.events.contract.SubscriptionChanged;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * billing-service decides plans; auth-service owns the tenant and applies them: a live {@code subscription.upgraded}
 * or {@code subscription.changed} (a downgrade or cancellation at the period's end) on {@code risiti.billing.v1} sets
 * the tenant's plan (once per event, through the platform's inbox), and the tenant's new state goes out on
 * {@code risiti.tenants.v1} for every service. A live {@code subscription.payment_failed} is mailed to the owner, who
 * is known here only. Test-mode subscriptions (paid with an {@code rs_test_} key in the sandbox) never change the real
 * tenant's plan nor mail anyone.
 */
@ApplicationScoped
public class BillingConsumer implements EventConsumer {

    public static final String CHANNEL = "billing";
    private static final Logger LOG = Logger.getLogger(BillingConsumer.class);

    private final Consumers consumers;
    private final SettingsService settings;
    private final BillingNotices notices;
    private final ObjectMapper json;

    public BillingConsumer(Consumers consumers, SettingsService settings, BillingNotices notices, ObjectMapper json) {
        this.consumers = consumers;
        this.settings = settings;
        this.notices = notices;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return consumers.deliver(this, records);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public boolean wants(String type) {
        return EventTypes.SUBSCRIPTION_UPGRADED.equals(type) || EventTypes.SUBSCRIPTION_CHANGED.equals(type)
                || EventTypes.SUBSCRIPTION_PAYMENT_FAILED.equals(type);
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        SubscriptionChanged upgraded = event.data(json, SubscriptionChanged.class);
        if (upgraded.testMode() || Boolean.TRUE.equals(event.test())) {
            return Uni.createFrom().voidItem();
        }
        if (upgraded.tenantId() == null || upgraded.planSlug() == null || !upgraded.planSlug().matches(Plans.PATTERN)) {
            throw new PermanentEventFailure("event " + event.id() + " names no tenant or an unknown plan: " + upgraded.planSlug());
        }
        if (EventTypes.SUBSCRIPTION_PAYMENT_FAILED.equals(event.type())) {
            return notices.paymentFailed(upgraded);
        }
        return settings.applyBilledPlan(upgraded.tenantId(), upgraded.planSlug()).invoke(applied -> {
            if (!applied) {
                LOG.warnf("%s %s names tenant %s, which does not exist here; nothing to apply", event.type(), event.id(), upgraded.tenantId());
            }
        }).replaceWithVoid();
    }
}
