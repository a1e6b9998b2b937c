package ng.risiti.platform.events.contract;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Value of a {@code risiti.customers.v1} record (key = customer id): the customer's latest state. Types
 * {@code customer.created}, {@code customer.updated}, {@code customer.deleted} ({@code deleted_at} set). A test-mode
 * customer ({@code test_mode}) can only be invoiced in test mode.
 */
@RegisterForReflection
public record CustomerState(UUID id, UUID tenantId, String name, String email, String phone, String tin,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime deletedAt, boolean testMode) {
}
