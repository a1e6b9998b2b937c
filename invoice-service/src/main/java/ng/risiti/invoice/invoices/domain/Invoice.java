package ng.risiti.invoice.invoices.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An invoice of one tenant to one customer. Editable as a draft; finalizing assigns its IRN and signs it, and locks it. */
@Entity
@Table(name = "invoices")
public class Invoice extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;
    @Column(name = "invoice_number", nullable = false)
    public String invoiceNumber;
    @Column(name = "customer_id", nullable = false)
    public UUID customerId;
    @Column(name = "customer_name")
    public String customerName;
    @Column(name = "customer_tin")
    public String customerTin;
    @Column(name = "customer_email")
    public String customerEmail;
    @Column(name = "customer_phone")
    public String customerPhone;
    @Column(name = "customer_street")
    public String customerStreet;
    @Column(name = "customer_city")
    public String customerCity;
    @Column(name = "customer_postal_zone")
    public String customerPostalZone;
    @Column(name = "customer_country")
    public String customerCountry;
    @Enumerated(EnumType.STRING)
    @Column(name = "type")
    public InvoiceType type = InvoiceType.INVOICE;
    /** The invoice a credit note credits; null on an invoice. */
    @Column(name = "original_invoice_id")
    public UUID originalInvoiceId;
    @Column(name = "credit_reason")
    public String creditReason;
    /** How much of this invoice credit notes have taken so far. */
    @Column(name = "credited_kobo")
    public Kobo credited = Kobo.ZERO;
    @Enumerated(EnumType.STRING)
    public InvoiceStatus status;
    public String currency;
    @Column(name = "issue_date")
    public LocalDate issueDate;
    @Column(name = "due_date")
    public LocalDate dueDate;
    public String notes;
    @Column(name = "subtotal_kobo")
    public Kobo subtotal;
    @Column(name = "tax_total_kobo")
    public Kobo taxTotal;
    @Column(name = "total_kobo")
    public Kobo total;
    @Column(name = "amount_due_kobo")
    public Kobo amountDue;
    public String irn;
    @Column(name = "digital_signature")
    public String digitalSignature;
    /** The NRS QR code's content: IRN and timestamp with the NRS certificate, RSA-encrypted, Base64. Set at finalize. */
    @Column(name = "qr_payload")
    public String qrPayload;
    @Column(name = "public_token")
    public UUID publicToken;
    @Column(name = "test_mode")
    public boolean testMode;
    @Column(name = "finalized_at")
    public OffsetDateTime finalizedAt;
    @Column(name = "firs_submitted_at")
    public OffsetDateTime firsSubmittedAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("position")
    public List<InvoiceLine> lines = new ArrayList<>();

    /** Replaces the lines and re-derives every total from them. */
    public void setLines(List<InvoiceLine> newLines) {
        lines.clear();
        int position = 0;
        for (InvoiceLine line : newLines) {
            line.invoice = this;
            line.position = position++;
            line.price();
            lines.add(line);
        }
        Kobo net = Kobo.ZERO;
        Kobo tax = Kobo.ZERO;
        for (InvoiceLine line : lines) {
            net = net.plus(line.net);
            tax = tax.plus(line.tax);
        }
        subtotal = net;
        taxTotal = tax;
        total = net.plus(tax);
        amountDue = total;
    }

    /** How much of the invoice a credit note may still take. */
    public Kobo creditable() {
        return total.minus(credited);
    }

    /**
     * Takes a credit note's total off this invoice: what is still due falls by it, and whatever it credits beyond the
     * amount due (the customer had paid that part) is returned as the customer's credit balance. An invoice nothing
     * was paid on ends cancelled once fully credited; one settled by payments and credit ends paid.
     */
    public Kobo applyCredit(Kobo credit, OffsetDateTime at) {
        if (credit.compareTo(creditable()) > 0) {
            throw new IllegalArgumentException("credit exceeds what is creditable");
        }
        Kobo paid = total.minus(credited).minus(amountDue);
        Kobo excess = credit.compareTo(amountDue) > 0 ? credit.minus(amountDue) : Kobo.ZERO;
        credited = credited.plus(credit);
        amountDue = amountDue.minus(credit.minus(excess));
        if (amountDue.value() == 0 && status != InvoiceStatus.PAID) {
            status = status.moveTo(paid.value() == 0 ? InvoiceStatus.CANCELLED : InvoiceStatus.PAID);
        }
        updatedAt = at;
        return excess;
    }

    /** Locks the invoice with its IRN and the signature over its canonical form. */
    public void finalizeWith(Irn assigned, String signature, OffsetDateTime at) {
        status = status.moveTo(InvoiceStatus.FINALIZED);
        irn = assigned.value();
        digitalSignature = signature;
        finalizedAt = at;
        updatedAt = at;
    }
}
