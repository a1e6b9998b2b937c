package ng.risiti.billing.subscriptions.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import ng.risiti.billing.entitlements.repository.TenantPlanRepository;
import ng.risiti.billing.paystack.domain.Checkout;
import ng.risiti.billing.paystack.domain.Purpose;
import ng.risiti.billing.paystack.repository.CheckoutRepository;
import ng.risiti.billing.paystack.service.Checkouts;
import ng.risiti.billing.plans.domain.Plan;
import ng.risiti.billing.plans.repository.PlanRepository;
import ng.risiti.billing.subscriptions.domain.BillingCycle;
import ng.risiti.billing.subscriptions.domain.Subscription;
import ng.risiti.billing.subscriptions.domain.SubscriptionStatus;
import ng.risiti.billing.subscriptions.events.SubscriptionEvents;
import ng.risiti.billing.subscriptions.repository.SubscriptionRepository;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Tenancy;
import ng.risiti.platform.time.Clocks;

/**
 * Plan changes through Paystack: {@link #subscribe} only starts a checkout; the plan changes when Paystack's signed
 * {@code charge.success} arrives ({@link SubscriptionPayments}).
 */
@ApplicationScoped
public class SubscriptionService {

    /** The subscription as the tenant sees it: a paid one, or Free (subscription null). */
    public record Current(Plan plan, Subscription subscription) {
    }

    /** What {@code PATCH} asks for the next period; either may be null (unchanged). */
    public record Change(String planSlug, BillingCycle cycle) {
    }

    /** Who pays and for what: {@code email} is where Paystack sends the receipt. */
    public record Upgrade(String planSlug, BillingCycle cycle, String email) {
    }

    private final PlanRepository plans;
    private final TenantPlanRepository tenantPlans;
    private final SubscriptionRepository subscriptions;
    private final CheckoutRepository checkoutRows;
    private final Checkouts checkouts;

    private final SubscriptionEvents events;
    private final Clock clock;

    public SubscriptionService(PlanRepository plans, TenantPlanRepository tenantPlans, SubscriptionRepository subscriptions, CheckoutRepository checkoutRows,
            Checkouts checkouts, SubscriptionEvents events, Clock clock) {
        this.plans = plans;
        this.tenantPlans = tenantPlans;
        this.subscriptions = subscriptions;
        this.checkoutRows = checkoutRows;
        this.checkouts = checkouts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A running paid subscription; else the custom plan (Enterprise) an operator gave the tenant through auth-service
     * ({@code tenant_plans}), with no subscription; else Free or the subscription that ended.
     */
    public Uni<Current> current(Caller caller) {
        return Panache.withSession(() -> subscriptions.find(caller.tenancy()).flatMap(subscription -> {
            if (subscription != null && subscription.status().running()) {
                return plans.findById(subscription.planSlug()).map(plan -> new Current(plan, subscription));
            }
            return tenantPlans.find(caller.tenancy().tenantId())
                    .flatMap(slug -> slug == null ? Uni.createFrom().<Plan>nullItem() : plans.findById(slug))
                    .flatMap(given -> given != null && given.customPricing ? Uni.createFrom().item(new Current(given, null))
                            : plans.findById(subscription == null ? "free" : subscription.planSlug())
                                    .map(plan -> new Current(plan, subscription)));
        }));
    }

    /** A pending checkout for the plan; 400 for an unknown plan (the caller checked the cycle), 422 for a plan not bought this way. */
    public Uni<Checkout> subscribe(Caller caller, Upgrade upgrade) {
        Tenancy tenancy = caller.tenancy();
        return Panache.withSession(() -> plans.findById(upgrade.planSlug()).flatMap(plan -> {
            if (plan == null) {
                return Uni.createFrom().failure(ApiException.validation("plan_slug", "plan_slug must be one of: starter, growth"));
            }
            return subscriptions.find(tenancy).flatMap(current -> plans.findById(current == null ? "free" : current.planSlug())
                    .map(currentPlan -> {
                        refuseUnbuyable(plan, currentPlan, current);
                        return plan;
                    }));
        })).flatMap(plan -> checkouts.open(tenancy, new Checkouts.Order(Purpose.SUBSCRIPTION, upgrade.cycle().price(plan), upgrade.email(),
                plan.slug, upgrade.cycle().wireName())));
    }

    /**
     * Schedules a cycle change or a downgrade for the end of the period (docs/specification.md, Billing): 400 for an
     * unknown plan, 422 without a running subscription, for an upgrade (paid now, through POST), Free (DELETE),
     * Enterprise, a cancelled subscription, or nothing that differs from what is already scheduled.
     */
    public Uni<Current> change(Caller caller, Change change) {
        return Panache.withTransaction(() -> subscriptions.lock(caller.tenancy()).flatMap(s -> {
            if (s == null || !s.status().running()) {
                throw ApiException.unprocessable("There is no paid subscription to change: POST /api/v1/billing/subscription subscribes.");
            }
            if (s.cancelAtPeriodEnd()) {
                throw ApiException.unprocessable("The subscription is cancelled and ends on " + s.currentPeriodEnd()
                        + ": subscribe again once it has ended.");
            }
            String wanted = change.planSlug() == null ? s.nextPlanSlug() : change.planSlug();
            return plans.findById(wanted).flatMap(plan -> plans.findById(s.planSlug()).flatMap(currentPlan -> {
                if (plan == null) {
                    throw ApiException.validation("plan_slug", "plan_slug must be one of: starter, growth");
                }
                if (plan.customPricing) {
                    throw ApiException.unprocessable("The " + plan.name + " plan has custom pricing: contact sales to move to it.");
                }
                if (plan.monthlyPriceKobo == null || plan.monthlyPriceKobo == 0) {
                    throw ApiException.unprocessable("Moving to the " + plan.name
                            + " plan is a cancellation: DELETE /api/v1/billing/subscription ends the subscription at the end of the period.");
                }
                if (plan.position > currentPlan.position) {
                    throw ApiException.unprocessable("Moving up from " + currentPlan.name + " to " + plan.name
                            + " is paid now and starts at once: POST /api/v1/billing/subscription.");
                }
                BillingCycle cycle = change.cycle() == null ? s.nextCycle() : change.cycle();
                String scheduledPlan = plan.slug.equals(s.planSlug()) ? null : plan.slug;
                BillingCycle scheduledCycle = cycle == s.billingCycle() ? null : cycle;
                if (java.util.Objects.equals(scheduledPlan, s.scheduledPlanSlug()) && scheduledCycle == s.scheduledCycle()) {
                    throw ApiException.unprocessable("Nothing to change: the next period is already on " + plan.name + ", "
                            + cycle.wireName() + ".");
                }
                Subscription scheduled = s.scheduling(scheduledPlan, scheduledCycle, Clocks.now(clock));
                return subscriptions.save(scheduled).replaceWith(new Current(currentPlan, scheduled));
            }));
        }));
    }

    /**
     * Cancels at the end of the period (then Free); a past-due subscription, whose period is over, ends at once. 422
     * without a running subscription or when it is cancelled already.
     */
    public Uni<Current> cancel(Caller caller) {
        return Panache.withTransaction(() -> subscriptions.lock(caller.tenancy()).flatMap(s -> {
            if (s == null || !s.status().running()) {
                throw ApiException.unprocessable("There is no paid subscription to cancel: the tenant is on the Free plan.");
            }
            if (s.cancelAtPeriodEnd()) {
                throw ApiException.unprocessable("The subscription is already cancelled; it ends on " + s.currentPeriodEnd() + ".");
            }
            OffsetDateTime now = Clocks.now(clock);
            if (s.status() == SubscriptionStatus.PAST_DUE) {
                Subscription ended = s.ended(now);
                return subscriptions.save(ended).chain(() -> events.emit(EventTypes.SUBSCRIPTION_CHANGED, ended, s.planSlug(), 0))
                        .chain(() -> plans.findById(ended.planSlug())).map(plan -> new Current(plan, ended));
            }
            Subscription cancelling = s.cancelling(s.currentPeriodEnd(), now);
            return subscriptions.save(cancelling).chain(() -> plans.findById(s.planSlug())).map(plan -> new Current(plan, cancelling));
        }));
    }

    /** The subscription's payments (checkouts and renewal charges), newest first. */
    public Uni<List<Checkout>> history(Caller caller, PageRequest page) {
        return Panache.withSession(() -> checkoutRows.history(caller.tenancy(), List.of(Purpose.SUBSCRIPTION, Purpose.RENEWAL), page));
    }

    private static void refuseUnbuyable(Plan plan, Plan currentPlan, Subscription current) {
        if (plan.customPricing) {
            throw ApiException.unprocessable("The " + plan.name + " plan has custom pricing: contact sales to move to it.");
        }
        if (plan.monthlyPriceKobo == null || plan.monthlyPriceKobo == 0) {
            throw ApiException.unprocessable("The " + plan.name + " plan needs no payment: cancel the subscription to return to it at the end of the period.");
        }
        if (plan.slug.equals(currentPlan.slug) && (current == null || current.status() == SubscriptionStatus.ACTIVE)) {
            throw ApiException.unprocessable("The tenant is already on the " + plan.name + " plan.");
        }
        if (current != null && current.status() == SubscriptionStatus.ACTIVE && plan.position < currentPlan.position) {
            throw ApiException.unprocessable("Moving down from " + currentPlan.name + " to " + plan.name
                    + " takes effect at the end of the current period: change the subscription instead of paying for a new one.");
        }
    }
}
