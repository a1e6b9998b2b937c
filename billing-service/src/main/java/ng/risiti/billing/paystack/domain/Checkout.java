package ng.risiti.billing.paystack.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.platform.security.Tenancy;

/**
 * A Paystack transaction we initialized, under our own reference, and what it pays for. Its amount is what a
 * {@code charge.success} must carry; its status moves once, from pending.
 */
@Entity
@Table(name = "paystack_checkouts")
public class Checkout extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String PAID = "paid";
    public static final String FAILED = "failed";
    public static final String AMOUNT_MISMATCH = "amount_mismatch";

    @Id
    public String reference;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "test_mode")
    public boolean testMode;
    public String purpose;
    @Column(name = "plan_slug")
    public String planSlug;
    @Column(name = "billing_cycle")
    public String billingCycle;
    /** The tenant's invoice an invoice_payment pays. */
    @Column(name = "invoice_id")
    public UUID invoiceId;
    @Column(name = "amount_kobo")
    public long amountKobo;
    public String currency;
    public String email;
    @Column(name = "authorization_url")
    public String authorizationUrl;
    public String status;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "paid_at")
    public OffsetDateTime paidAt;

    public Tenancy tenancy() {
        return new Tenancy(tenantId, testMode);
    }

    public boolean pending() {
        return PENDING.equals(status);
    }
}
