package ng.risiti.billing.credits.rest;

import java.util.List;
import ng.risiti.billing.credits.domain.CreditPrices;
import ng.risiti.billing.credits.domain.Wallet;
import ng.risiti.platform.rest.Naira;

/**
 * {@code GET /api/v1/api-credits}: the balance, the prices, the trial calls left, the latest entries, and the tenant's
 * working API keys in the caller's world (seed 000's summary; from the {@code risiti.api-keys.v1} replica).
 */
public record WalletResponse(String balance, long balanceKobo, long callsAvailable, String costPerCall, long costPerCallKobo,
        String verificationCost, long verificationCostKobo, int freeCallsRemaining, boolean lowBalance, List<LedgerEntryResponse> recentEntries,
        long activeApiKeys) {

    public static WalletResponse of(Wallet wallet, long activeApiKeys) {
        return new WalletResponse(Naira.fromKobo(wallet.balanceKobo()), wallet.balanceKobo(),
                Math.max(0, wallet.balanceKobo()) / CreditPrices.COST_PER_CALL_KOBO,
                Naira.fromKobo(CreditPrices.COST_PER_CALL_KOBO), CreditPrices.COST_PER_CALL_KOBO,
                Naira.fromKobo(CreditPrices.VERIFICATION_COST_KOBO), CreditPrices.VERIFICATION_COST_KOBO, wallet.freeCallsRemaining(),
                wallet.lowBalance(), wallet.recent().stream().map(LedgerEntryResponse::of).toList(), activeApiKeys);
    }
}
