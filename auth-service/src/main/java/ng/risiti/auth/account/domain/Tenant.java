package ng.risiti.auth.account.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.platform.request.UuidV7;

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

    /** A new tenant; {@code tin} may be null. */
    public static Tenant create(String name, String tin, BusinessType businessType, String planSlug, OffsetDateTime now) {
        Tenant tenant = new Tenant();
        tenant.id = UuidV7.next();
        tenant.name = name;
        tenant.tin = tin;
        tenant.businessType = businessType;
        tenant.planSlug = planSlug;
        tenant.createdAt = now;
        tenant.updatedAt = now;
        return tenant;
    }
}
