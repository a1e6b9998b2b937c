package ng.risiti.billing.subscriptions.domain;

import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.platform.security.Tenancy;

/**
 * A tenant's paid subscription in one world (no row: Free). {@code lastReference} is the checkout that paid the
 * current period; the Paystack codes let renewal events find it and renewals charge the card again. What changes at
 * the period's end waits in {@code scheduledPlanSlug}/{@code scheduledCycle} or {@code cancelAtPeriodEnd};
 * {@code nextRenewalAt} is when the renewal job next looks at it, {@code renewalAttempts} how many charges of this
 * period were declined.
 */
public record Subscription(UUID tenantId, boolean testMode, String planSlug, BillingCycle billingCycle, SubscriptionStatus status,
        OffsetDateTime currentPeriodStart, OffsetDateTime currentPeriodEnd, String lastReference, String customerCode,
        String authorizationCode, String subscriptionCode, OffsetDateTime updatedAt, String scheduledPlanSlug, BillingCycle scheduledCycle,
        boolean cancelAtPeriodEnd, OffsetDateTime nextRenewalAt, int renewalAttempts) {

    /** A subscription just paid for through a checkout: active for a fresh period, nothing scheduled. */
    public static Subscription paid(Tenancy tenancy, String planSlug, BillingCycle cycle, OffsetDateTime start, String reference,
            String customerCode, String authorizationCode, String subscriptionCode) {
        OffsetDateTime end = cycle.periodEnd(start);
        return new Subscription(tenancy.tenantId(), tenancy.test(), planSlug, cycle, SubscriptionStatus.ACTIVE, start, end, reference,
                customerCode, authorizationCode, subscriptionCode, start, null, null, false, end, 0);
    }

    public Tenancy tenancy() {
        return new Tenancy(tenantId, testMode);
    }

    /** The plan the next period is on. */
    public String nextPlanSlug() {
        return scheduledPlanSlug != null ? scheduledPlanSlug : planSlug;
    }

    public BillingCycle nextCycle() {
        return scheduledCycle != null ? scheduledCycle : billingCycle;
    }

    public boolean hasScheduledChange() {
        return scheduledPlanSlug != null || scheduledCycle != null;
    }

    public Subscription withStatus(SubscriptionStatus next, OffsetDateTime now) {
        return new Subscription(tenantId, testMode, planSlug, billingCycle, next, currentPeriodStart, currentPeriodEnd, lastReference,
                customerCode, authorizationCode, subscriptionCode, now, scheduledPlanSlug, scheduledCycle, cancelAtPeriodEnd, nextRenewalAt,
                renewalAttempts);
    }

    public Subscription withSubscriptionCode(String code, OffsetDateTime now) {
        return new Subscription(tenantId, testMode, planSlug, billingCycle, status, currentPeriodStart, currentPeriodEnd, lastReference,
                customerCode, authorizationCode, code, now, scheduledPlanSlug, scheduledCycle, cancelAtPeriodEnd, nextRenewalAt,
                renewalAttempts);
    }

    /** The next period will be on {@code plan} and {@code cycle} (null: unchanged); cancelling is taken back. */
    public Subscription scheduling(String plan, BillingCycle cycle, OffsetDateTime now) {
        return new Subscription(tenantId, testMode, planSlug, billingCycle, status, currentPeriodStart, currentPeriodEnd, lastReference,
                customerCode, authorizationCode, subscriptionCode, now, plan, cycle, false, nextRenewalAt, renewalAttempts);
    }

    /** Ends at the period's end (or at once, {@code endsAt}, when the period is already over); nothing else scheduled. */
    public Subscription cancelling(OffsetDateTime endsAt, OffsetDateTime now) {
        return new Subscription(tenantId, testMode, planSlug, billingCycle, status, currentPeriodStart, currentPeriodEnd, lastReference,
                customerCode, authorizationCode, subscriptionCode, now, null, null, true, endsAt, renewalAttempts);
    }

    /** The next period, paid by {@code reference}: on the scheduled plan and cycle, active, nothing scheduled. */
    public Subscription renewed(String reference, OffsetDateTime now) {
        BillingCycle cycle = nextCycle();
        OffsetDateTime end = cycle.periodEnd(currentPeriodEnd);
        return new Subscription(tenantId, testMode, nextPlanSlug(), cycle, SubscriptionStatus.ACTIVE, currentPeriodEnd, end, reference,
                customerCode, authorizationCode, subscriptionCode, now, null, null, false, end, 0);
    }

    /** A renewal charge was declined: past due, looked at again at {@code retryAt}. */
    public Subscription declined(OffsetDateTime retryAt, OffsetDateTime now) {
        return new Subscription(tenantId, testMode, planSlug, billingCycle, SubscriptionStatus.PAST_DUE, currentPeriodStart, currentPeriodEnd,
                lastReference, customerCode, authorizationCode, subscriptionCode, now, scheduledPlanSlug, scheduledCycle, cancelAtPeriodEnd,
                retryAt, renewalAttempts + 1);
    }

    /** Over: back on Free, cancelled, never renewed again. */
    public Subscription ended(OffsetDateTime now) {
        return new Subscription(tenantId, testMode, "free", billingCycle, SubscriptionStatus.CANCELLED, currentPeriodStart, currentPeriodEnd,
                lastReference, customerCode, authorizationCode, subscriptionCode, now, null, null, false, null, renewalAttempts);
    }

    /**
     * Paystack's reference for this period's renewal charge, attempt {@code renewalAttempts}: derived, never random, so a
     * renewal retried after a crash asks for the same charge and Paystack refuses to take it twice.
     */
    public String renewalReference() {
        return "rsr_" + tenantId.toString().replace("-", "") + (testMode ? "_t_" : "_l_") + currentPeriodEnd.toEpochSecond() + "_"
                + renewalAttempts;
    }
}
