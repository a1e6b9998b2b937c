package ng.risiti.invoice.customers.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A customer as customer-service last published it; its name, TIN, email, phone and billing address are snapshotted onto invoices. */
@Entity
@Table(name = "known_customers")
public class KnownCustomer extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    public String name;
    public String email;
    public String tin;
    public String phone;
    @Column(name = "street_name")
    public String streetName;
    @Column(name = "city_name")
    public String cityName;
    @Column(name = "postal_zone")
    public String postalZone;
    public String country;
    public boolean deleted;
    @Column(name = "test_mode")
    public boolean testMode;
    /** The aggregate version of the customer event this row reflects (0: from a lookup, replaced by any event). */
    public long version;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    /** The customer's contacts' email addresses: an invoice sent by email goes to them as well as to the customer. */
    @Column(name = "contact_emails")
    public String[] contactEmails;
}
