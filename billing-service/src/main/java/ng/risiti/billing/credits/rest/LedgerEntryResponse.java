package ng.risiti.billing.credits.rest;

import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.billing.credits.domain.LedgerEntry;
import ng.risiti.platform.rest.Naira;

/** One ledger entry: signed amount (top-ups positive, charges negative, trial calls 0) and the source it is traceable to. */
public record LedgerEntryResponse(UUID id, String kind, String amount, long amountKobo, String sourceId, String description,
        OffsetDateTime createdAt) {

    public static LedgerEntryResponse of(LedgerEntry entry) {
        return new LedgerEntryResponse(entry.id(), entry.kind().wireName(), Naira.fromKobo(entry.amountKobo()), entry.amountKobo(),
                entry.sourceId(), entry.description(), entry.createdAt());
    }
}
