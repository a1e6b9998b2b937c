package ng.risiti.invoice.sending.domain;

import java.util.UUID;

/**
 * A delivery one dispatcher has claimed: no other dispatcher takes it until its claim's lease passes. {@code attempts}
 * counts this attempt; the outcome is recorded only while the row still has it, so a dispatcher whose lease passed
 * (and whose delivery another one took) cannot overwrite the newer attempt's result.
 */
public record ClaimedDelivery(UUID id, UUID tenantId, boolean testMode, UUID invoiceId, DeliveryChannel channel, String recipient,
        String message, int attempts) {
}
