package ng.risiti.customer.verifications.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One TIN or NIN check and the provider's answer; kept, and charged, only when the provider answered. */
@Entity
@Table(name = "verifications")
public class Verification extends PanacheEntityBase {

    /** NGN 200 from the tenant's API credits (docs/specification.md, Plans and prices). */
    public static final long CHARGE_KOBO = 20_000;

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "test_mode")
    public boolean testMode;
    /** {@link VerificationType#wireName()}. */
    public String type;
    public String number;
    @Column(name = "customer_id")
    public UUID customerId;
    public boolean valid;
    @Column(name = "registered_name")
    public String registeredName;
    @Column(name = "charge_kobo")
    public long chargeKobo;
    @Column(name = "checked_at")
    public OffsetDateTime checkedAt;
}
