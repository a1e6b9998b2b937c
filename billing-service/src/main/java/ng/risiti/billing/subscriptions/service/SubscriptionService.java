package ng.risiti.billing.subscriptions.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import ng.risiti.billing.paystack.domain.Checkout;
import ng.risiti.billing.paystack.domain.Purpose;
import ng.risiti.billing.paystack.repository.CheckoutRepository;
import ng.risiti.billing.paystack.service.Checkouts;
import ng.risiti.billing.plans.domain.Plan;
import ng.risiti.billing.plans.repository.PlanRepository;
import ng.risiti.billing.subscriptions.domain.BillingCycle;
import ng.risiti.billing.subscriptions.domain.Subscription;
import ng.risiti.billing.subscriptions.domain.SubscriptionStatus;
import ng.risiti.billing.subscriptions.repository.SubscriptionRepository;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Tenancy;

/**
 * Plan changes through Paystack: {@link #subscribe} only starts a checkout; the plan changes when Paystack's signed
 * {@code charge.success} arrives ({@link SubscriptionPayments}).
 */
@ApplicationScoped
public class SubscriptionService {

    /** The subscription as the tenant sees it: a paid one, or Free (subscription null). */
    public record Current(Plan plan, Subscription subscription) {
    }

    /** Who pays and for what: {@code email} is where Paystack sends the receipt. */
    public record Upgrade(String planSlug, BillingCycle cycle, String email) {
    }

    private final PlanRepository plans;
    private final SubscriptionRepository subscriptions;
    private final CheckoutRepository checkoutRows;
    private final Checkouts checkouts;

    public SubscriptionService(PlanRepository plans, SubscriptionRepository subscriptions,
            CheckoutRepository checkoutRows, Checkouts checkouts) {
        this.plans = plans;
        this.subscriptions = subscriptions;
        this.checkoutRows = checkoutRows;
        this.checkouts = checkouts;
    }

    public Uni<Current> current(Caller caller) {
        return Panache.withSession(() -> subscriptions.find(caller.tenancy()).flatMap(subscription -> plans
                .findById(subscription == null ? "free" : subscription.planSlug())
                .map(plan -> new Current(plan, subscription))));
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

    /** The subscription's payments, newest first. */
    public Uni<List<Checkout>> history(Caller caller, PageRequest page) {
        return Panache.withSession(() -> checkoutRows.history(caller.tenancy(), Purpose.SUBSCRIPTION, page));
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
