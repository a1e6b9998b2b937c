package ng.risiti.invoice.payments.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.Kobo;

/** Money received against one invoice of a tenant, in the invoice's world (live or test). */
@Entity
@Table(name = "payments")
public class Payment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;
    @Column(name = "test_mode")
    public boolean testMode;
    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;
    @Column(name = "amount_kobo")
    public Kobo amount;
    @Column(name = "payment_means_code")
    public PaymentMethod method;
    /** The bank's or processor's reference; unique per tenant and world when given. */
    public String reference;
    public String notes;
    /** The day the money was received (Africa/Lagos). */
    @Column(name = "paid_on")
    public LocalDate paidOn;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    /** The payment's receipt: RCT-YYYY-NNN, one series per tenant, world and year. */
    @Column(name = "receipt_number")
    public String receiptNumber;
    /** What the payer withheld as WHT beside the amount: it settles the invoice too, and never reaches the bank. */
    @Column(name = "wht_withheld_kobo")
    public Kobo whtWithheld = Kobo.ZERO;

    /** A payment of {@code invoice}; the invoice itself takes it with {@link Invoice#recordPayment}. */
    public static Payment of(UUID id, Invoice invoice, Kobo amount, PaymentMethod method, LocalDate paidOn, String reference, String notes,
            OffsetDateTime at) {
        Payment payment = new Payment();
        payment.id = id;
        payment.tenantId = invoice.tenantId;
        payment.testMode = invoice.testMode;
        payment.invoiceId = invoice.id;
        payment.amount = amount;
        payment.method = method;
        payment.paidOn = paidOn;
        payment.reference = reference;
        payment.notes = notes;
        payment.createdAt = at;
        return payment;
    }
}
