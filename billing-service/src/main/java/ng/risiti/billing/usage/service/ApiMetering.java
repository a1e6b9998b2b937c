package ng.risiti.billing.usage.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import ng.risiti.billing.credits.domain.CreditPrices;
import ng.risiti.billing.credits.domain.EntryKind;
import ng.risiti.billing.credits.domain.LedgerEntry;
import ng.risiti.billing.credits.repository.LedgerRepository;
import ng.risiti.billing.entitlements.service.EntitlementsPublisher;
import ng.risiti.billing.usage.repository.UsageRepository;
import ng.risiti.platform.events.EventTooEarly;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Tenancy;
import ng.risiti.platform.time.Clocks;

/**
 * Charges metered API-key calls (docs/specification.md, Billing): a day's calls up to the plan's included allowance
 * are free (none on Free); beyond it the tenant's 10 trial calls go first, then each call costs NGN 100 from the
 * credit pool. Runs in the consumer's transaction with its inbox claim, so an event applied once is charged once; the
 * ledger's source ids ({@code usage:<event id>}) would refuse a second charge anyway. The calls were served already,
 * so the charge is recorded even when it takes the balance below zero (the overshoot the ADR bounds).
 */
@ApplicationScoped
public class ApiMetering {

    private final UsageRepository usage;
    private final LedgerRepository ledger;
    private final EntitlementsPublisher entitlements;
    private final Clock clock;

    public ApiMetering(UsageRepository usage, LedgerRepository ledger, EntitlementsPublisher entitlements, Clock clock) {
        this.usage = usage;
        this.ledger = ledger;
        this.entitlements = entitlements;
        this.clock = clock;
    }

    /** {@code count} calls made with {@code keyId} in the minute from {@code minute}, reported by event {@code eventId}. */
    public Uni<Void> metered(Tenancy tenancy, String eventId, UUID keyId, Instant minute, long count) {
        // the wallet lock orders every metering and charge of this tenant: totals read below stay true until commit
        return ledger.lockWallet(tenancy)
                .chain(() -> usage.add(tenancy, minute.atZone(ZoneOffset.UTC).toLocalDate(), count))
                .chain(after -> tenancy.test() ? Uni.createFrom().voidItem() : charge(tenancy, eventId, keyId, minute, count, after))
                .chain(() -> entitlements.publish(tenancy, eventId)).replaceWithVoid();
    }

    private Uni<Void> charge(Tenancy tenancy, String eventId, UUID keyId, Instant minute, long count, long after) {
        return entitlements.knownPlan(tenancy).flatMap(plan -> plan == null
                // not charged on Free by mistake: the consumer rolls back and retries until the tenant's plan arrives
                ? Uni.createFrom().<Void>failure(new EventTooEarly("plan of tenant " + tenancy.tenantId() + " not known yet"))
                : ledger.totals(tenancy).flatMap(totals -> {
            long included = EntitlementsPublisher.includedCallsPerDay(plan);
            long chargeable = Math.max(0, after - Math.max(after - count, included));
            long trial = Math.min(chargeable, Math.max(0, CreditPrices.FREE_TRIAL_CALLS - totals[1]));
            long paid = chargeable - trial;
            String calls = " with key " + keyId + " in the minute from " + minute;
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (long i = 0; i < trial; i++) {
                // one entry per trial call: the trial is counted in entries (at most ten, ever)
                LedgerEntry entry = entry(tenancy, EntryKind.TRIAL_CALL, 0, "usage:" + eventId + ":trial:" + i, "Free trial API call" + calls);
                chain = chain.chain(() -> ledger.append(entry)).replaceWithVoid();
            }
            if (paid > 0) {
                LedgerEntry entry = entry(tenancy, EntryKind.API_CALL, -paid * CreditPrices.COST_PER_CALL_KOBO, "usage:" + eventId,
                        paid + (paid == 1 ? " API call" : " API calls") + calls);
                chain = chain.chain(() -> ledger.append(entry)).replaceWithVoid();
            }
            return chain;
        }));
    }

    private LedgerEntry entry(Tenancy tenancy, EntryKind kind, long amountKobo, String source, String description) {
        return new LedgerEntry(UuidV7.next(), tenancy.tenantId(), tenancy.test(), kind, amountKobo, source, description, Clocks.now(clock));
    }
}
