package ng.risiti.auth.settings;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.platform.events.contract.TenantState;

/**
 * Contract candidate: the value auth-service publishes on {@code risiti.tenants.v1} until the platform's
 * {@link TenantState} carries the tenant's settings. Its first seven fields are {@link TenantState}'s, in the same
 * order and JSON names, so every consumer of {@link TenantState} reads these records unchanged (unknown fields are
 * ignored); invoice-service and nrs-gateway-service need the rest (number prefix, payment terms, NRS service id).
 * When the platform record grows these fields, this type is deleted and {@link TenantState} used directly.
 */
@RegisterForReflection
public record TenantStateCandidate(UUID tenantId, String name, String tin, String businessType, String planSlug,
        OffsetDateTime createdAt, TenantState.Member member,
        String address, String contactEmail, String logoUrl, String nrsServiceId, UUID nrsBusinessId,
        InvoiceDefaults invoiceDefaults, OffsetDateTime updatedAt) {

    @RegisterForReflection
    public record InvoiceDefaults(String numberPrefix, int paymentTermsDays, String footer, String logoUrl) {
    }
}
