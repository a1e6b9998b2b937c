package ng.risiti.webhook.tenants.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Who to tell about a tenant's webhooks, as risiti.tenants.v1 last said it. */
@Entity
@Table(name = "tenant_contacts")
public class TenantContact extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "business_name")
    public String businessName;
    @Column(name = "owner_email")
    public String ownerEmail;
    @Column(name = "contact_email")
    public String contactEmail;
    public long version;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** The owner's address, else the business's contact address; null when neither is known. */
    public String recipient() {
        return ownerEmail != null ? ownerEmail : contactEmail;
    }
}
