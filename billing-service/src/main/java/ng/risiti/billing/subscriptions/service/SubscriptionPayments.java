package ng.risiti.billing.subscriptions.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import ng.risiti.billing.entitlements.service.EntitlementsPublisher;
import ng.risiti.billing.paystack.domain.Checkout;
import ng.risiti.billing.paystack.domain.Purpose;
import ng.risiti.billing.paystack.service.PaidCheckouts;
import ng.risiti.billing.paystack.service.SubscriptionNotices;
import ng.risiti.billing.subscriptions.domain.BillingCycle;
import ng.risiti.billing.subscriptions.domain.Subscription;
import ng.risiti.billing.subscriptions.events.SubscriptionEvents;
import ng.risiti.billing.subscriptions.repository.SubscriptionRepository;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.time.Clocks;

/**
 * What Paystack's events do to subscriptions, inside the webhook's transaction. A paid subscription checkout makes the
 * subscription active on its plan for a new period from now (no proration: an upgrade starts a fresh period) and
 * emits {@code subscription.upgraded}; a declined renewal makes it past_due and emits {@code subscription.payment_failed}.
 */
@ApplicationScoped
public class SubscriptionPayments implements PaidCheckouts, SubscriptionNotices {

    private final SubscriptionRepository subscriptions;
    private final SubscriptionEvents events;
    private final EntitlementsPublisher entitlements;
    private final Clock clock;

    public SubscriptionPayments(SubscriptionRepository subscriptions, SubscriptionEvents events, EntitlementsPublisher entitlements,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.events = events;
        this.entitlements = entitlements;
        this.clock = clock;
    }

    @Override
    public String purpose() {
        return Purpose.SUBSCRIPTION;
    }

    @Override
    public Uni<Void> paid(Checkout checkout, Charge charge) {
        OffsetDateTime now = Clocks.now(clock);
        BillingCycle cycle = BillingCycle.parse(checkout.billingCycle).orElseThrow();
        return subscriptions.lock(checkout.tenancy()).flatMap(previous -> {
            Subscription active = Subscription.paid(checkout.tenancy(), checkout.planSlug, cycle, now, checkout.reference,
                    charge.customerCode(), charge.authorizationCode(), previous == null ? null : previous.subscriptionCode());
            return subscriptions.save(active).chain(() -> events.emit(EventTypes.SUBSCRIPTION_UPGRADED, active,
                    previous == null || !previous.status().running() ? "free" : previous.planSlug(), checkout.amountKobo))
                    .chain(() -> entitlements.publish(active.tenancy())).replaceWithVoid();
        });
    }

    @Override
    public Uni<String> paymentFailed(Renewal renewal) {
        return subscriptions.lockByPaystack(renewal.subscriptionCode(), renewal.authorizationCode()).flatMap(subscription -> {
            if (subscription == null) {
                return Uni.createFrom().item("unknown_subscription");
            }
            return subscription.status().afterDeclinedRenewal().map(next -> {
                Subscription pastDue = subscription.withStatus(next, Clocks.now(clock));
                return subscriptions.save(pastDue)
                        .chain(() -> events.emit(EventTypes.SUBSCRIPTION_PAYMENT_FAILED, pastDue, subscription.planSlug(), renewal.amountKobo()))
                        .replaceWith(pastDue.status().wireName());
            }).orElseGet(() -> Uni.createFrom().item("already_" + subscription.status().wireName()));
        });
    }

    /** The subscription was activated by its charge already; this only learns Paystack's code for later renewal events. */
    @Override
    public Uni<String> created(Renewal renewal) {
        return subscriptions.lockByPaystack(renewal.subscriptionCode(), renewal.authorizationCode()).flatMap(subscription -> {
            if (subscription == null) {
                return Uni.createFrom().item("unknown_subscription");
            }
            if (renewal.subscriptionCode() == null || renewal.subscriptionCode().equals(subscription.subscriptionCode())) {
                return Uni.createFrom().item("unchanged");
            }
            return subscriptions.save(subscription.withSubscriptionCode(renewal.subscriptionCode(), Clocks.now(clock))).replaceWith("linked");
        });
    }
}
