package ng.risiti.billing.credits.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One movement of a tenant's API credits: positive for a top-up, negative for a charge, 0 for a trial call.
 * {@code sourceId} is what caused it ({@code topup:<paystack reference>}, {@code call:<id>}, {@code verification:<id>}),
 * unique per tenant and world.
 */
public record LedgerEntry(UUID id, UUID tenantId, boolean testMode, EntryKind kind, long amountKobo, String sourceId, String description,
        OffsetDateTime createdAt) {
}
