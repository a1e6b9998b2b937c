package ng.risiti.billing.subscriptions.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.billing.subscriptions.domain.BillingCycle;
import ng.risiti.billing.subscriptions.domain.Subscription;
import ng.risiti.billing.subscriptions.domain.SubscriptionStatus;
import ng.risiti.platform.persistence.SessionSql;
import ng.risiti.platform.security.Tenancy;

/** The subscriptions table, one row per tenant and world, in plain SQL (an upsert on a two-column key). */
@ApplicationScoped
public class SubscriptionRepository {

    private static final String COLUMNS = """
            tenant_id, test_mode, plan_slug, billing_cycle, status, current_period_start, current_period_end, last_reference,
            paystack_customer_code, paystack_authorization_code, paystack_subscription_code, updated_at, scheduled_plan_slug,
            scheduled_billing_cycle, cancel_at_period_end, next_renewal_at, renewal_attempts""";

    public Uni<Subscription> find(Tenancy tenancy) {
        return one("select " + COLUMNS + " from subscriptions where tenant_id = $1 and test_mode = $2", tenancy.tenantId(), tenancy.test());
    }

    /** The row held for this transaction (null if none: the tenant is on Free). */
    public Uni<Subscription> lock(Tenancy tenancy) {
        return one("select " + COLUMNS + " from subscriptions where tenant_id = $1 and test_mode = $2 for update",
                tenancy.tenantId(), tenancy.test());
    }

    /** The subscription a Paystack renewal event names: by its subscription code, else by the card that pays it. */
    public Uni<Subscription> lockByPaystack(String subscriptionCode, String authorizationCode) {
        return one("select " + COLUMNS + " from subscriptions where ($1::text is not null and paystack_subscription_code = $1)"
                + " or ($2::text is not null and paystack_authorization_code = $2) order by updated_at desc limit 1 for update",
                subscriptionCode, authorizationCode);
    }

    /** Saving a subscription gives up the renewal job's lease on it: whatever the job was doing is decided. */
    public Uni<Void> save(Subscription s) {
        return SessionSql.update("insert into subscriptions (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,"
                        + " $13, $14, $15, $16, $17)"
                        + " on conflict (tenant_id, test_mode) do update set plan_slug = $3, billing_cycle = $4, status = $5,"
                        + " current_period_start = $6, current_period_end = $7, last_reference = $8, paystack_customer_code = $9,"
                        + " paystack_authorization_code = $10, paystack_subscription_code = $11, updated_at = $12, scheduled_plan_slug = $13,"
                        + " scheduled_billing_cycle = $14, cancel_at_period_end = $15, next_renewal_at = $16, renewal_attempts = $17,"
                        + " renewal_lease_until = null",
                s.tenantId(), s.testMode(), s.planSlug(), s.billingCycle().wireName(), s.status().wireName(), s.currentPeriodStart(),
                s.currentPeriodEnd(), s.lastReference(), s.customerCode(), s.authorizationCode(), s.subscriptionCode(), s.updatedAt(),
                s.scheduledPlanSlug(), s.scheduledCycle() == null ? null : s.scheduledCycle().wireName(), s.cancelAtPeriodEnd(),
                s.nextRenewalAt(), s.renewalAttempts())
                .replaceWithVoid();
    }

    /**
     * Leases up to {@code limit} subscriptions due for the renewal job until {@code leaseUntil}: rows another replica
     * holds are skipped, and a lease left by a replica that died runs out, so every due subscription is taken by one
     * job at a time and by some job eventually.
     */
    public Uni<List<Tenancy>> claimDue(OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
        return SessionSql.rows("""
                        update subscriptions set renewal_lease_until = $2 where (tenant_id, test_mode) in (
                            select tenant_id, test_mode from subscriptions
                            where status in ('active', 'past_due') and next_renewal_at <= $1
                              and (renewal_lease_until is null or renewal_lease_until < $1)
                            order by next_renewal_at limit $3 for update skip locked)
                        returning tenant_id, test_mode""", now, leaseUntil, limit)
                .map(rows -> rows.stream().map(row -> new Tenancy((UUID) row[0], (Boolean) row[1])).toList());
    }

    /** Gives a lease back without deciding anything (Paystack did not answer): the next run tries again. */
    public Uni<Void> release(Tenancy tenancy) {
        return SessionSql.update("update subscriptions set renewal_lease_until = null where tenant_id = $1 and test_mode = $2",
                tenancy.tenantId(), tenancy.test()).replaceWithVoid();
    }

    private static Uni<Subscription> one(String sql, Object... parameters) {
        return SessionSql.rows(sql, parameters).map(rows -> rows.isEmpty() ? null : of(rows.getFirst()));
    }

    private static Subscription of(Object[] row) {
        return new Subscription((UUID) row[0], (Boolean) row[1], (String) row[2], BillingCycle.parse((String) row[3]).orElseThrow(),
                SubscriptionStatus.of((String) row[4]), (OffsetDateTime) row[5], (OffsetDateTime) row[6], (String) row[7], (String) row[8],
                (String) row[9], (String) row[10], (OffsetDateTime) row[11], (String) row[12],
                row[13] == null ? null : BillingCycle.parse((String) row[13]).orElseThrow(), (Boolean) row[14], (OffsetDateTime) row[15],
                ((Number) row[16]).intValue());
    }
}
