package ng.risiti.billing.subscriptions.rest;

import java.time.OffsetDateTime;
import ng.risiti.billing.subscriptions.domain.Subscription;
import ng.risiti.billing.subscriptions.service.SubscriptionService;
import ng.risiti.billing.usage.rest.UsageResponse;
import ng.risiti.platform.rest.Naira;

/**
 * {@code GET /api/v1/billing/subscription}: the plan, its status and period, and what happens at the period's end
 * ({@code cancel_at_period_end}, {@code scheduled_change}). On Free (never paid) the status is active and the cycle
 * and period are null; after a cancellation ended it, the plan is free and the status cancelled. {@code usage} is
 * {@code GET /billing/usage}'s answer (the UTC month, which is not the subscription's period).
 */
public record SubscriptionResponse(String planSlug, String planName, String status, String billingCycle, String price, Long priceKobo,
        OffsetDateTime currentPeriodStart, OffsetDateTime currentPeriodEnd, boolean cancelAtPeriodEnd, ScheduledChange scheduledChange,
        OffsetDateTime nextRenewalAt, UsageResponse usage) {

    /** The plan and cycle the next period will be on, from {@code effective_at}. */
    public record ScheduledChange(String planSlug, String billingCycle, OffsetDateTime effectiveAt) {
    }

    public static SubscriptionResponse of(SubscriptionService.Current current, UsageResponse usage) {
        Subscription s = current.subscription();
        if (s == null) {
            Long price = current.plan().customPricing ? null : 0L; // Enterprise: priced by contract, not charged here
            return new SubscriptionResponse(current.plan().slug, current.plan().name, "active", null, Naira.fromKobo(price), price, null,
                    null, false, null, null, usage);
        }
        Long price = s.billingCycle().price(current.plan());
        ScheduledChange scheduled = s.hasScheduledChange()
                ? new ScheduledChange(s.nextPlanSlug(), s.nextCycle().wireName(), s.currentPeriodEnd()) : null;
        return new SubscriptionResponse(s.planSlug(), current.plan().name, s.status().wireName(), s.billingCycle().wireName(),
                Naira.fromKobo(price), price, s.currentPeriodStart(), s.currentPeriodEnd(), s.cancelAtPeriodEnd(), scheduled,
                s.cancelAtPeriodEnd() ? null : s.nextRenewalAt(), usage);
    }
}
