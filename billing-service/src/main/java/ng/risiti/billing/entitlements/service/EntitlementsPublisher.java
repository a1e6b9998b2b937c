package ng.risiti.billing.entitlements.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import ng.risiti.billing.credits.domain.CreditPrices;
import ng.risiti.billing.credits.repository.LedgerRepository;
import ng.risiti.billing.entitlements.repository.TenantPlanRepository;
import ng.risiti.billing.plans.domain.Plan;
import ng.risiti.billing.plans.repository.PlanRepository;
import ng.risiti.billing.subscriptions.domain.SubscriptionStatus;
import ng.risiti.billing.subscriptions.repository.SubscriptionRepository;
import ng.risiti.billing.usage.repository.UsageRepository;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.Outbox;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.events.contract.EntitlementState;
import ng.risiti.platform.security.Tenancy;

/**
 * Publishes what a tenant may do in one world on {@code risiti.entitlements.v1} (compacted, key
 * {@code <tenant>:<live|test>}): the plan's features and limits, the calls counted today and the credit state. Called
 * in the transaction of every change to any of them (metered calls, a top-up, a verification's debit, a plan change),
 * so the record and the change commit together. Every service enforces the latest record (platform {@code ratelimit}).
 */
@ApplicationScoped
public class EntitlementsPublisher {

    public static final String FREE = "free";

    private final SubscriptionRepository subscriptions;
    private final TenantPlanRepository tenantPlans;
    private final PlanRepository plans;
    private final LedgerRepository ledger;
    private final UsageRepository usage;
    private final Outbox outbox;
    private final Clock clock;

    public EntitlementsPublisher(SubscriptionRepository subscriptions, TenantPlanRepository tenantPlans, PlanRepository plans,
            LedgerRepository ledger, UsageRepository usage, Outbox outbox, Clock clock) {
        this.subscriptions = subscriptions;
        this.tenantPlans = tenantPlans;
        this.plans = plans;
        this.ledger = ledger;
        this.usage = usage;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The plan the tenant is on in this world: its subscription's unless it was cancelled, else the plan auth-service
     * gives the tenant (registration, an operator, an applied upgrade), else Free.
     */
    public Uni<Plan> plan(Tenancy tenancy) {
        return planSlug(tenancy).flatMap(slug -> bySlug(slug == null ? FREE : slug));
    }

    /**
     * The plan metering charges on: as {@link #plan}, but null while billing has heard neither of a running subscription
     * nor of the tenant from auth-service (its {@code tenant.created} can arrive after its first metered calls).
     */
    public Uni<Plan> knownPlan(Tenancy tenancy) {
        return planSlug(tenancy).flatMap(slug -> slug == null ? Uni.createFrom().nullItem() : bySlug(slug));
    }

    /** The running subscription's plan, else auth-service's for the tenant, else null (not heard of yet). */
    private Uni<String> planSlug(Tenancy tenancy) {
        return subscriptions.find(tenancy).flatMap(subscription -> subscription != null && subscription.status() != SubscriptionStatus.CANCELLED
                ? Uni.createFrom().item(subscription.planSlug()) : tenantPlans.find(tenancy.tenantId()));
    }

    private Uni<Plan> bySlug(String slug) {
        return plans.findById(slug).flatMap(plan -> plan != null ? Uni.createFrom().item(plan) : plans.findById(FREE));
    }

    /** The plan auth-service gives the tenant changed (or arrived): both worlds' entitlements follow. Joins the caller's transaction. */
    public Uni<Void> tenantPlan(UUID tenantId, String planSlug, long version) {
        return tenantPlans.apply(tenantId, planSlug, version).flatMap(applied -> !applied ? Uni.createFrom().voidItem()
                : publish(Tenancy.live(tenantId)).chain(() -> publish(new Tenancy(tenantId, true))).replaceWithVoid());
    }

    /** Computes the tenant's entitlements now and writes them to the outbox. Joins the caller's transaction. */
    public Uni<EntitlementState> publish(Tenancy tenancy) {
        return publish(tenancy, null);
    }

    /**
     * As {@link #publish(Tenancy)}, after metering the calls of {@code meteredEvent}: the state names it, so the
     * replica that wrote it stops adding those calls to billing's count (platform {@code ratelimit/UsageMeter}).
     */
    public Uni<EntitlementState> publish(Tenancy tenancy, String meteredEvent) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return plan(tenancy).flatMap(plan -> ledger.totals(tenancy).flatMap(totals -> usage.calls(tenancy, today, today).flatMap(calls -> {
            EntitlementState state = state(tenancy, plan, today, calls, totals[0], (int) Math.max(0, CreditPrices.FREE_TRIAL_CALLS - totals[1]),
                    meteredEvent);
            return outbox.emit(Topics.ENTITLEMENTS, EventTypes.ENTITLEMENTS_UPDATED, EntitlementState.key(tenancy.tenantId(), tenancy.test()),
                    tenancy, state).replaceWith(state);
        })));
    }

    EntitlementState state(Tenancy tenancy, Plan plan, LocalDate today, long callsToday, long balanceKobo, int freeCallsRemaining,
            String meteredEvent) {
        Set<String> features = new LinkedHashSet<>();
        if (plan.nrsSubmission) {
            features.add(EntitlementState.NRS_SUBMISSION);
        }
        if (plan.pdfAndXml) {
            features.add(EntitlementState.PDF);
            features.add(EntitlementState.XML);
        }
        if (plan.creditNotes) {
            features.add(EntitlementState.CREDIT_NOTES);
        }
        long callsAvailable = freeCallsRemaining + Math.max(0, balanceKobo) / CreditPrices.COST_PER_CALL_KOBO;
        return new EntitlementState(tenancy.tenantId(), tenancy.test(), plan.slug, features, plan.apiCallsPerDay, plan.burstPerMinute,
                plan.invoicesPerMonth, includedCallsPerDay(plan), today, callsToday, balanceKobo, freeCallsRemaining, callsAvailable,
                callsAvailable <= 0, clock.instant(), meteredEvent);
    }

    /** Calls a day the plan pays for: none on Free (after the trial each costs credits); all of its daily limit on a paid plan. */
    public static int includedCallsPerDay(Plan plan) {
        if (FREE.equals(plan.slug)) {
            return 0;
        }
        return plan.apiCallsPerDay == null ? Integer.MAX_VALUE : plan.apiCallsPerDay;
    }
}
