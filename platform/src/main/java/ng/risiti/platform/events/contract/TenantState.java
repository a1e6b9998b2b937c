package ng.risiti.platform.events.contract;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Value of a {@code risiti.tenants.v1} record (key = tenant id). The topic is compacted by tenant, so every record,
 * whatever its type ({@code tenant.created}, {@code tenant.updated}, {@code user.created}, {@code user.updated},
 * {@code user.removed}), carries the whole tenant with its settings; user events add the {@code member} they are
 * about. Never carries a password hash or any secret (NRS credentials live in nrs-gateway-service).
 */
@RegisterForReflection
public record TenantState(UUID tenantId, String name, String tin, String businessType, String planSlug,
        OffsetDateTime createdAt, Member member,
        String address, String contactEmail, String logoUrl, String nrsServiceId, UUID nrsBusinessId,
        InvoiceDefaults invoiceDefaults, OffsetDateTime updatedAt) {

    /** The user a user event is about. */
    @RegisterForReflection
    public record Member(UUID id, String email, String firstName, String lastName, String role, OffsetDateTime createdAt) {
    }

    /** What a new invoice of this tenant starts with; {@code hsnCode} and {@code productCategory} go to NRS for lines without their own. */
    @RegisterForReflection
    public record InvoiceDefaults(String numberPrefix, int paymentTermsDays, String footer, String logoUrl, String hsnCode,
            String productCategory) {
    }
}
