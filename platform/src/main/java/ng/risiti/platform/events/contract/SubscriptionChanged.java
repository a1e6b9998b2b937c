package ng.risiti.platform.events.contract;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A tenant's subscription changed ({@code risiti.billing.v1}, key = tenant id): {@code subscription.upgraded} when a
 * Paystack payment put it on {@code planSlug} for the period, {@code subscription.payment_failed} when a renewal was
 * declined ({@code status} past_due). billing-service decides plans; auth-service applies an upgraded live plan to the
 * tenant, so {@code risiti.tenants.v1} carries it to every service. Amounts are kobo with a naira twin.
 */
@RegisterForReflection
public record SubscriptionChanged(
        UUID tenantId,
        String planSlug,
        String previousPlanSlug,
        String billingCycle,
        String status,
        OffsetDateTime currentPeriodStart,
        OffsetDateTime currentPeriodEnd,
        long amountKobo,
        String amount,
        String reference,
        boolean testMode,
        OffsetDateTime occurredAt) {
}
