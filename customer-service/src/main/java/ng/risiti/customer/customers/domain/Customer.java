package ng.risiti.customer.customers.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A business or person a tenant invoices. Its details are snapshotted onto each invoice when it is created. */
@Entity
@Table(name = "customers")
public class Customer extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    public String name;
    public String email;
    public String phone;
    public String tin;
    @Embedded
    public BillingAddress billingAddress;
    public String currency;
    public String notes;
    @Column(name = "test_mode")
    public boolean testMode;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;
    /** A TIN or NIN verification confirmed this customer's TIN, or a NIN for them. */
    @Column(name = "tin_verified")
    public boolean tinVerified;
    @Column(name = "nin_verified")
    public boolean ninVerified;
    /** Lower-cased name, email and TIN, written by PostgreSQL (a generated column) and trigram-indexed for search. */
    @Column(name = "search_text", insertable = false, updatable = false)
    public String searchText;
}
