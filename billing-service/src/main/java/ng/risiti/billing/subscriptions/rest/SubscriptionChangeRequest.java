package ng.risiti.billing.subscriptions.rest;

import ng.risiti.billing.subscriptions.domain.BillingCycle;
import ng.risiti.billing.subscriptions.service.SubscriptionService;
import ng.risiti.platform.error.ApiException;

/** {@code PATCH /api/v1/billing/subscription}: the plan (a cheaper one) and/or the cycle of the next period. */
public record SubscriptionChangeRequest(String planSlug, String billingCycle) {

    public SubscriptionService.Change toChange() {
        String plan = planSlug == null || planSlug.isBlank() ? null : planSlug.trim();
        BillingCycle cycle = null;
        if (billingCycle != null) {
            cycle = BillingCycle.parse(billingCycle.trim())
                    .orElseThrow(() -> ApiException.validation("billing_cycle", "billing_cycle must be monthly or annual"));
        }
        if (plan == null && cycle == null) {
            throw ApiException.validation("plan_slug", "give plan_slug (a cheaper plan) or billing_cycle (monthly or annual) to change");
        }
        return new SubscriptionService.Change(plan, cycle);
    }
}
