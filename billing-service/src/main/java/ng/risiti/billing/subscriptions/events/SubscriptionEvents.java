package ng.risiti.billing.subscriptions.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import ng.risiti.billing.subscriptions.domain.Subscription;
import ng.risiti.platform.events.Outbox;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.events.contract.SubscriptionChanged;
import ng.risiti.platform.rest.Naira;
import ng.risiti.platform.time.Clocks;

/** Announces subscription changes on {@code risiti.billing.v1} (key = tenant id) through the outbox, in the change's transaction. */
@ApplicationScoped
public class SubscriptionEvents {

    private final Outbox outbox;
    private final Clock clock;

    public SubscriptionEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> emit(String type, Subscription subscription, String previousPlanSlug, long amountKobo) {
        SubscriptionChanged data = new SubscriptionChanged(subscription.tenantId(), subscription.planSlug(), previousPlanSlug,
                subscription.billingCycle().wireName(), subscription.status().wireName(), subscription.currentPeriodStart(),
                subscription.currentPeriodEnd(), amountKobo, Naira.fromKobo(amountKobo), subscription.lastReference(), subscription.testMode(),
                Clocks.now(clock));
        return outbox.emit(Topics.BILLING, type, subscription.tenantId().toString(), subscription.tenancy(), data);
    }
}
