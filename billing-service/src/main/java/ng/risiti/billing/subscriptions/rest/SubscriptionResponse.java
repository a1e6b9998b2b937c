package ng.risiti.billing.subscriptions.rest;

import java.time.OffsetDateTime;
import ng.risiti.billing.subscriptions.domain.Subscription;
import ng.risiti.billing.subscriptions.service.SubscriptionService;
import ng.risiti.platform.rest.Naira;

/**
 * {@code GET /api/v1/billing/subscription}: the plan, its status and period. On Free (never paid) the status is
 * active and the cycle and period are null.
 */
public record SubscriptionResponse(String planSlug, String planName, String status, String billingCycle, String price, Long priceKobo,
        OffsetDateTime currentPeriodStart, OffsetDateTime currentPeriodEnd, boolean cancelAtPeriodEnd) {

    public static SubscriptionResponse of(SubscriptionService.Current current) {
        Subscription s = current.subscription();
        if (s == null) {
            return new SubscriptionResponse(current.plan().slug, current.plan().name, "active", null, Naira.fromKobo(0L), 0L, null, null,
                    false);
        }
        Long price = s.billingCycle().price(current.plan());
        return new SubscriptionResponse(s.planSlug(), current.plan().name, s.status().wireName(), s.billingCycle().wireName(),
                Naira.fromKobo(price), price, s.currentPeriodStart(), s.currentPeriodEnd(), false);
    }
}
