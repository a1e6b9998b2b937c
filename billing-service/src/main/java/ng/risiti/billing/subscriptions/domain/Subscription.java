package ng.risiti.billing.subscriptions.domain;

import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.platform.security.Tenancy;

/**
 * A tenant's paid subscription in one world (no row: Free). {@code lastReference} is the checkout that paid the
 * current period; the Paystack codes let renewal events find it.
 */
public record Subscription(UUID tenantId, boolean testMode, String planSlug, BillingCycle billingCycle, SubscriptionStatus status,
        OffsetDateTime currentPeriodStart, OffsetDateTime currentPeriodEnd, String lastReference, String customerCode,
        String authorizationCode, String subscriptionCode, OffsetDateTime updatedAt) {

    public Tenancy tenancy() {
        return new Tenancy(tenantId, testMode);
    }

    public Subscription withStatus(SubscriptionStatus next, OffsetDateTime now) {
        return new Subscription(tenantId, testMode, planSlug, billingCycle, next, currentPeriodStart, currentPeriodEnd, lastReference,
                customerCode, authorizationCode, subscriptionCode, now);
    }

    public Subscription withSubscriptionCode(String code, OffsetDateTime now) {
        return new Subscription(tenantId, testMode, planSlug, billingCycle, status, currentPeriodStart, currentPeriodEnd, lastReference,
                customerCode, authorizationCode, code, now);
    }
}
