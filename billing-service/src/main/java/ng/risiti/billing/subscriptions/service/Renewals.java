package ng.risiti.billing.subscriptions.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ng.risiti.billing.paystack.domain.Checkout;
import ng.risiti.billing.paystack.domain.Purpose;
import ng.risiti.billing.paystack.repository.CheckoutRepository;
import ng.risiti.billing.paystack.service.PaystackClient;
import ng.risiti.billing.paystack.service.PaystackClient.ChargeOutcome;
import ng.risiti.billing.plans.repository.PlanRepository;
import ng.risiti.billing.subscriptions.config.RenewalConfig;
import ng.risiti.billing.subscriptions.domain.Subscription;
import ng.risiti.billing.subscriptions.events.SubscriptionEvents;
import ng.risiti.billing.subscriptions.repository.SubscriptionRepository;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.security.Tenancy;
import ng.risiti.platform.time.Clocks;
import org.jboss.logging.Logger;

/**
 * Ends of periods: a cancelled subscription ends (Free, {@code subscription.changed}); any other is renewed by charging
 * the saved card for the next period, on the plan and cycle scheduled for it ({@code subscription.renewed}, and
 * {@code subscription.changed} when the plan moved). A declined charge makes it past_due ({@code
 * subscription.payment_failed}: auth-service mails the owner) and is tried again after each of the retry delays; then
 * the subscription ends. The charge's reference is derived from the subscription, period and attempt, and nothing is
 * held while Paystack is asked: a replica that dies mid-renewal leaves a lease that runs out, and the next one asks
 * Paystack for the same reference, which Paystack never charges twice.
 */
@ApplicationScoped
public class Renewals {

    static final String JOB = "subscription-renewals";
    private static final Logger LOG = Logger.getLogger(Renewals.class);

    private final SubscriptionRepository subscriptions;
    private final CheckoutRepository checkouts;
    private final PlanRepository plans;
    private final PaystackClient paystack;
    private final SubscriptionEvents events;
    private final RenewalConfig config;
    private final Clock clock;

    public Renewals(SubscriptionRepository subscriptions, CheckoutRepository checkouts, PlanRepository plans, PaystackClient paystack,
            SubscriptionEvents events, RenewalConfig config, Clock clock) {
        this.subscriptions = subscriptions;
        this.checkouts = checkouts;
        this.plans = plans;
        this.paystack = paystack;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = JOB, every = "${risiti.billing.renewals.interval:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return renewDue().onFailure().recoverWithItem(failure -> {
            LOG.warnf("Subscription renewals could not run: %s", failure.toString()); // leases run out; the next run retries
            return List.of();
        }).replaceWithVoid();
    }

    /** Claims the subscriptions whose period (or retry) is due and settles each; the ones it claimed. */
    public Uni<List<Tenancy>> renewDue() {
        OffsetDateTime now = Clocks.now(clock);
        return Panache.withTransaction(() -> subscriptions.claimDue(now, now.plus(config.lease()), config.batchSize()))
                .flatMap(claimed -> Multi.createFrom().iterable(claimed).onItem().transformToUniAndConcatenate(tenancy -> settle(tenancy)
                                .onFailure().recoverWithItem(failure -> {
                                    LOG.errorf("Renewal of %s failed; retried when its lease passes: %s", tenancy, failure);
                                    return null;
                                }))
                        .collect().asList().replaceWith(claimed));
    }

    private Uni<Void> settle(Tenancy tenancy) {
        return Panache.withSession(() -> subscriptions.find(tenancy).flatMap(s -> {
            if (s == null || !s.status().running()) {
                return Uni.createFrom().item((Work) null);
            }
            if (s.cancelAtPeriodEnd() || "free".equals(s.nextPlanSlug())) {
                return Uni.createFrom().item(new Work(s, 0, null));
            }
            return plans.findById(s.nextPlanSlug()).flatMap(plan -> checkouts.findById(s.lastReference())
                    .map(paid -> new Work(s, plan == null || s.nextCycle().price(plan) == null ? 0 : s.nextCycle().price(plan),
                            paid == null ? null : paid.email)));
        })).flatMap(work -> {
            if (work == null) {
                return Uni.createFrom().voidItem();
            }
            Subscription s = work.subscription();
            if (work.amountKobo() <= 0) {
                return Panache.withTransaction(() -> end(s));
            }
            if (s.authorizationCode() == null || work.email() == null) {
                return Panache.withTransaction(() -> declined(s, work, new ChargeOutcome(ChargeOutcome.Kind.DECLINED, s.renewalReference(),
                        work.amountKobo(), "no saved card to charge")));
            }
            return paystack.chargeAuthorization(s.testMode(), s.renewalReference(), s.authorizationCode(), work.email(), work.amountKobo(),
                    metadata(s)).flatMap(outcome -> switch (outcome.kind()) {
                        case CHARGED -> Panache.withTransaction(() -> renewed(s, work, outcome));
                        case DECLINED -> Panache.withTransaction(() -> declined(s, work, outcome));
                        case UNKNOWN -> Panache.withTransaction(() -> subscriptions.release(s.tenancy()));
                    });
        });
    }

    /** What settling a due subscription needs: the charge (0: nothing to charge, it ends) and the card's owner address. */
    private record Work(Subscription subscription, long amountKobo, String email) {
    }

    private Uni<Void> renewed(Subscription seen, Work work, ChargeOutcome outcome) {
        return still(seen, current -> {
            OffsetDateTime now = Clocks.now(clock);
            Subscription next = current.renewed(outcome.reference(), now);
            return checkouts.persist(history(current, next.planSlug(), next.billingCycle().wireName(), work, outcome, Checkout.PAID, now))
                    .chain(() -> subscriptions.save(next))
                    .chain(() -> events.emit(EventTypes.SUBSCRIPTION_RENEWED, next, current.planSlug(), outcome.amountKobo()))
                    .chain(() -> next.planSlug().equals(current.planSlug()) ? Uni.createFrom().voidItem()
                            : events.emit(EventTypes.SUBSCRIPTION_CHANGED, next, current.planSlug(), outcome.amountKobo()))
                    .invoke(() -> LOG.infof("Subscription of %s renewed on %s until %s (%s)", current.tenancy(), next.planSlug(),
                            next.currentPeriodEnd(), outcome.reference()));
        });
    }

    private Uni<Void> declined(Subscription seen, Work work, ChargeOutcome outcome) {
        return still(seen, current -> {
            OffsetDateTime now = Clocks.now(clock);
            List<java.time.Duration> delays = config.retryDelays();
            boolean lastTry = current.renewalAttempts() >= delays.size();
            Subscription pastDue = current.declined(lastTry ? now : now.plus(delays.get(current.renewalAttempts())), now);
            LOG.warnf("Renewal charge %s of %s declined (%s)%s", outcome.reference(), current.tenancy(), outcome.reason(),
                    lastTry ? "; no tries left: the subscription ends" : "; tried again at " + pastDue.nextRenewalAt());
            return checkouts.persist(history(current, current.nextPlanSlug(), current.nextCycle().wireName(), work, outcome, Checkout.FAILED, now))
                    .chain(() -> subscriptions.save(pastDue))
                    .chain(() -> events.emit(EventTypes.SUBSCRIPTION_PAYMENT_FAILED, pastDue, current.planSlug(), work.amountKobo()))
                    .chain(() -> lastTry ? end(pastDue) : Uni.createFrom().voidItem());
        });
    }

    /** The period is over and nothing pays for the next: Free, cancelled, {@code subscription.changed}. */
    private Uni<Void> end(Subscription seen) {
        return still(seen, current -> {
            Subscription ended = current.ended(Clocks.now(clock));
            LOG.infof("Subscription of %s ended: back on Free", current.tenancy());
            return subscriptions.save(ended).chain(() -> events.emit(EventTypes.SUBSCRIPTION_CHANGED, ended, current.planSlug(), 0));
        });
    }

    /** Runs {@code then} on the locked row only if nobody settled this period's attempt meanwhile (another replica, a webhook). */
    private Uni<Void> still(Subscription seen, java.util.function.Function<Subscription, Uni<Void>> then) {
        return subscriptions.lock(seen.tenancy()).flatMap(current -> {
            if (current == null || !current.status().running() || !current.currentPeriodEnd().isEqual(seen.currentPeriodEnd())
                    || current.renewalAttempts() != seen.renewalAttempts()) {
                return Uni.createFrom().voidItem();
            }
            return then.apply(current);
        });
    }

    private static Checkout history(Subscription s, String plan, String cycle, Work work, ChargeOutcome outcome, String status,
            OffsetDateTime now) {
        Checkout row = new Checkout();
        row.reference = outcome.reference();
        row.tenantId = s.tenantId();
        row.testMode = s.testMode();
        row.purpose = Purpose.RENEWAL;
        row.planSlug = plan;
        row.billingCycle = cycle;
        row.amountKobo = work.amountKobo();
        row.currency = "NGN";
        row.email = work.email() == null ? "unknown" : work.email();
        row.status = status;
        row.failureReason = outcome.reason();
        row.createdAt = now;
        row.paidAt = Checkout.PAID.equals(status) ? now : null;
        return row;
    }

    private static Map<String, Object> metadata(Subscription s) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("risiti_purpose", Purpose.RENEWAL);
        metadata.put("tenant_id", s.tenantId().toString());
        metadata.put("mode", s.testMode() ? "test" : "live");
        metadata.put("plan_slug", s.nextPlanSlug());
        metadata.put("billing_cycle", s.nextCycle().wireName());
        return metadata;
    }
}
