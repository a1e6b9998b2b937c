package ng.risiti.billing.subscriptions.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import ng.risiti.billing.subscriptions.domain.BillingCycle;
import ng.risiti.billing.subscriptions.service.SubscriptionService;
import ng.risiti.platform.error.ApiException;

/** {@code POST /api/v1/billing/subscription}: the plan to pay for, the cycle, and optionally the address for Paystack's receipt. */
public record SubscriptionRequest(@NotBlank String planSlug, @NotBlank String billingCycle, @Email @Size(max = 254) String email) {

    public SubscriptionService.Upgrade toUpgrade(String payerEmail) {
        BillingCycle cycle = BillingCycle.parse(billingCycle.trim())
                .orElseThrow(() -> ApiException.validation("billing_cycle", "billing_cycle must be monthly or annual"));
        return new SubscriptionService.Upgrade(planSlug.trim(), cycle, payerEmail);
    }
}
