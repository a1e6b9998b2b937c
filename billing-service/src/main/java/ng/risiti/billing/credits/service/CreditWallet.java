package ng.risiti.billing.credits.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import ng.risiti.billing.credits.domain.CreditPrices;
import ng.risiti.billing.credits.domain.EntryKind;
import ng.risiti.billing.credits.domain.LedgerEntry;
import ng.risiti.billing.credits.domain.Wallet;
import ng.risiti.billing.credits.repository.LedgerRepository;
import ng.risiti.billing.entitlements.service.EntitlementsPublisher;
import ng.risiti.billing.paystack.domain.Checkout;
import ng.risiti.billing.paystack.domain.Purpose;
import ng.risiti.billing.paystack.service.Checkouts;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Tenancy;
import ng.risiti.platform.time.Clocks;

/**
 * The API-credit wallet: a ledger whose sum is the balance, always (nothing stores a balance that could drift). Money
 * arrives only through Paystack ({@link CreditTopUps}); it leaves through {@link #charge}, the seam metering will call.
 */
@ApplicationScoped
public class CreditWallet {

    /** What a metered use costs and why: a call (trial first, then NGN 100) or a TIN/NIN verification (NGN 200). */
    public enum Use { API_CALL, VERIFICATION }

    private static final int RECENT = 10;

    private final LedgerRepository ledger;
    private final Checkouts checkouts;
    private final EntitlementsPublisher entitlements;
    private final Clock clock;
    private final MeterRegistry metrics;

    public CreditWallet(LedgerRepository ledger, Checkouts checkouts, EntitlementsPublisher entitlements, Clock clock, MeterRegistry metrics) {
        this.ledger = ledger;
        this.checkouts = checkouts;
        this.entitlements = entitlements;
        this.clock = clock;
        this.metrics = metrics;
    }

    public Uni<Wallet> wallet(Caller caller) {
        Tenancy tenancy = caller.tenancy();
        return Panache.withSession(() -> ledger.totals(tenancy).flatMap(totals -> ledger.page(tenancy, new PageRequest(RECENT, java.util.Map.of()))
                .map(recent -> new Wallet(totals[0], (int) totals[1], recent.size() > RECENT ? recent.subList(0, RECENT) : recent))));
    }

    public Uni<List<LedgerEntry>> entries(Caller caller, PageRequest page) {
        return Panache.withSession(() -> ledger.page(caller.tenancy(), page));
    }

    /** A Paystack checkout for {@code amountKobo} of credits; they arrive with Paystack's signed {@code charge.success}. */
    public Uni<Checkout> topUp(Caller caller, long amountKobo, String email) {
        return checkouts.open(caller.tenancy(), new Checkouts.Order(Purpose.CREDIT_TOP_UP, amountKobo, email, null, null));
    }

    /**
     * Debits a TIN or NIN verification that already happened (customer-service's {@code verification.completed}),
     * once per verification: {@code costKobo} as the event gives it, recorded even when it takes the balance below
     * zero, because the lookup was made. customer-service refuses a verification up front when the balance cannot
     * cover one ({@link #balance}), so only verifications started at the same moment can overdraw, by their cost each.
     * Joins the caller's transaction.
     */
    public Uni<Void> debitVerification(Tenancy tenancy, UUID verificationId, long costKobo, String description) {
        String source = "verification:" + verificationId;
        LedgerEntry entry = new LedgerEntry(UuidV7.next(), tenancy.tenantId(), tenancy.test(), EntryKind.VERIFICATION, -costKobo, source,
                description, Clocks.now(clock));
        // counted when written (not when a repeat finds the entry there): the caller's transaction commits after this, so
        // a consumer transaction that fails after it and is retried counts it once more
        return ledger.lockWallet(tenancy).chain(() -> ledger.append(entry)).invoke(appended -> {
            if (appended) {
                charged(entry);
            }
        }).chain(() -> entitlements.publish(tenancy)).replaceWithVoid();
    }

    /** The balance in kobo and the trial calls left, for a service deciding whether a paid use may start. */
    public Uni<long[]> balance(Tenancy tenancy) {
        return Panache.withSession(() -> ledger.totals(tenancy))
                .map(totals -> new long[] {totals[0], Math.max(0, CreditPrices.FREE_TRIAL_CALLS - totals[1])});
    }

    /**
     * Records one metered use, once per {@code sourceId} (a retried charge returns the entry made the first time).
     * A call is free while trial calls remain; otherwise the cost must be covered by the balance, or nothing is
     * recorded and the answer is 402 PLAN_LIMIT_EXCEEDED. Runs in the caller's transaction, or its own.
     */
    public Uni<LedgerEntry> charge(Tenancy tenancy, Use use, String sourceId, String description) {
        LedgerEntry[] made = new LedgerEntry[1];
        return Panache.withTransaction(() -> ledger.lockWallet(tenancy)
                .chain(() -> ledger.bySource(tenancy, sourceId))
                .flatMap(existing -> existing != null ? Uni.createFrom().item(existing) : ledger.totals(tenancy).flatMap(totals -> {
                    EntryKind kind;
                    long cost;
                    if (use == Use.VERIFICATION) {
                        kind = EntryKind.VERIFICATION;
                        cost = CreditPrices.VERIFICATION_COST_KOBO;
                    } else if (totals[1] < CreditPrices.FREE_TRIAL_CALLS) {
                        kind = EntryKind.TRIAL_CALL;
                        cost = 0;
                    } else {
                        kind = EntryKind.API_CALL;
                        cost = CreditPrices.COST_PER_CALL_KOBO;
                    }
                    if (cost > totals[0]) {
                        return Uni.createFrom().failure(new ApiException(ErrorCode.PLAN_LIMIT_EXCEEDED,
                                "API credits are exhausted: top up at /api/v1/api-credits/top-up."));
                    }
                    LedgerEntry entry = new LedgerEntry(UuidV7.next(), tenancy.tenantId(), tenancy.test(), kind, -cost, sourceId, description,
                            Clocks.now(clock));
                    made[0] = entry;
                    return ledger.append(entry).replaceWith(entry);
                })))
                // counted once committed, and only when this call made the entry (not a retried charge's replay)
                .invoke(entry -> {
                    if (entry == made[0]) {
                        charged(entry);
                    }
                });
    }

    /** What the credits panels read: charges and kobo drawn from wallets, by kind (api_call, trial_call, verification). */
    private void charged(LedgerEntry entry) {
        String kind = entry.kind().name().toLowerCase(java.util.Locale.ROOT);
        String mode = entry.testMode() ? "test" : "live";
        Counter.builder("risiti.credits.charges").description("Metered uses recorded in credit wallets").tag("kind", kind).tag("mode", mode)
                .register(metrics).increment();
        Counter.builder("risiti.credits.charged").baseUnit("kobo").description("Kobo drawn from credit wallets").tag("kind", kind)
                .tag("mode", mode).register(metrics).increment(-entry.amountKobo());
    }
}
