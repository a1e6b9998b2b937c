package ng.risiti.auth.account.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A business using Risiti: every other row in every service belongs to exactly one tenant. */
@Entity
@Table(name = "tenants")
public class Tenant {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    public String tin;
    @Column(name = "business_type", nullable = false)
    public BusinessType businessType;
    /** The plan chosen at sign-up; billing-service owns the subscription and tells us when it changes. */
    @Column(name = "plan_slug", nullable = false)
    public String planSlug;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
