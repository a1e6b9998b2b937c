package ng.risiti.billing.credits.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import ng.risiti.billing.credits.domain.EntryKind;
import ng.risiti.billing.credits.domain.LedgerEntry;
import ng.risiti.billing.credits.repository.LedgerRepository;
import ng.risiti.billing.entitlements.service.EntitlementsPublisher;
import ng.risiti.billing.paystack.domain.Checkout;
import ng.risiti.billing.paystack.domain.Purpose;
import ng.risiti.billing.paystack.service.PaidCheckouts;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.rest.Naira;
import ng.risiti.platform.time.Clocks;

/** A paid top-up checkout adds one ledger entry of its amount, sourced {@code topup:<reference>} so it can never count twice. */
@ApplicationScoped
public class CreditTopUps implements PaidCheckouts {

    private final LedgerRepository ledger;
    private final EntitlementsPublisher entitlements;
    private final Clock clock;

    public CreditTopUps(LedgerRepository ledger, EntitlementsPublisher entitlements, Clock clock) {
        this.ledger = ledger;
        this.entitlements = entitlements;
        this.clock = clock;
    }

    @Override
    public String purpose() {
        return Purpose.CREDIT_TOP_UP;
    }

    @Override
    public Uni<Void> paid(Checkout checkout, Charge charge) {
        LedgerEntry entry = new LedgerEntry(UuidV7.next(), checkout.tenantId, checkout.testMode, EntryKind.TOP_UP, checkout.amountKobo,
                "topup:" + checkout.reference, "Top-up of NGN " + Naira.fromKobo(checkout.amountKobo) + " through Paystack", Clocks.now(clock));
        // the new credit state reaches every service with the top-up: a tenant refused 402 can call again at once
        return ledger.lockWallet(checkout.tenancy()).chain(() -> ledger.append(entry)).chain(() -> entitlements.publish(checkout.tenancy()))
                .replaceWithVoid();
    }
}
