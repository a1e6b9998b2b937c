package ng.risiti.billing.credits.domain;

import java.util.List;

/** A tenant's credits as read in one statement: the balance is the sum of its ledger entries. */
public record Wallet(long balanceKobo, int trialCallsUsed, List<LedgerEntry> recent) {

    public int freeCallsRemaining() {
        return Math.max(0, CreditPrices.FREE_TRIAL_CALLS - trialCallsUsed);
    }

    public boolean lowBalance() {
        return balanceKobo < CreditPrices.LOW_BALANCE_KOBO;
    }
}
