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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import ng.risiti.platform.error.ApiException;

/** An invoice of one tenant to one customer. Editable as a draft; finalizing assigns its IRN and signs it, and locks it. */
@Entity
@Table(name = "invoices")
public class Invoice extends PanacheEntityBase {

    /** The states in which an invoice takes a payment (docs/specification.md, Payments). */
    private static final Set<InvoiceStatus> PAYABLE = EnumSet.of(InvoiceStatus.FINALIZED, InvoiceStatus.SENT, InvoiceStatus.PARTIAL);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

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
    /** The supplier (the tenant) as it was at finalization; null on drafts and on invoices finalized before it was kept. */
    @Column(name = "supplier_name")
    public String supplierName;
    @Column(name = "supplier_tin")
    public String supplierTin;
    @Column(name = "supplier_address")
    public String supplierAddress;
    @Column(name = "supplier_email")
    public String supplierEmail;
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
    /** NRS's answer to the last submission (JSON text, nrs-gateway-service's firs_response); written by FirsOutcomeConsumer only. */
    @Column(name = "firs_response", insertable = false, updatable = false)
    public String firsResponse;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    /** The withholding tax rate the payer deducts, and its percent when it was set; null when none. */
    @Column(name = "wht_rate_id")
    public UUID whtRateId;
    @Column(name = "wht_percent")
    public BigDecimal whtPercent;
    /** WHT on the VAT-exclusive subtotal: shown, deducted by the payer, never part of the total or the amount due. */
    @Column(name = "wht_kobo")
    public Kobo wht = Kobo.ZERO;
    /** A deleted draft: it vanishes from the API (every read filters it out) but its number stays taken. */
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;
    @Column(name = "voided_at")
    public OffsetDateTime voidedAt;
    /**
     * When the overdue job flagged the invoice and emitted invoice.overdue. Only the job's own statement writes it, so
     * an update of the entity (which writes every column) can never clear it and cause a second event.
     */
    @Column(name = "overdue_at", insertable = false, updatable = false)
    public OffsetDateTime overdueAt;
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
        priceWithholding();
    }

    /** Sets (or, with nulls, removes) the withholding tax rate and re-derives the WHT amount from the subtotal. */
    public void withholding(UUID rateId, BigDecimal percent) {
        whtRateId = rateId;
        whtPercent = rateId == null ? null : percent;
        priceWithholding();
    }

    /** WHT on the VAT-exclusive subtotal, rounded half-up to the kobo like every other amount. */
    private void priceWithholding() {
        wht = whtPercent == null || subtotal == null ? Kobo.ZERO
                : Kobo.roundHalfUp(subtotal.asKoboDecimal().multiply(whtPercent).divide(HUNDRED));
    }

    /**
     * Overdue as the API shows it: flagged by the overdue job (its due date passed with an amount due) and still open.
     * A payment in full, a void or a full credit ends it; the flag itself stays, so invoice.overdue is never sent twice.
     */
    public boolean overdue() {
        return overdueAt != null && status.open() && amountDue.value() > 0;
    }

    /** Cancels the invoice (void): nothing is owed on it any more. The journal reverses what was still due. */
    public void voidAt(OffsetDateTime at) {
        status = status.moveTo(InvoiceStatus.CANCELLED);
        amountDue = Kobo.ZERO;
        voidedAt = at;
        updatedAt = at;
    }

    /** Soft-deletes a draft; 422 naming its status otherwise. */
    public void deleteAt(OffsetDateTime at) {
        status.requireEditable();
        deletedAt = at;
        updatedAt = at;
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

    /**
     * Takes a payment off what is still due: the invoice is partial while anything stays due and paid once nothing
     * does. Only a finalized, sent or partially paid invoice takes a payment, and never more than its amount due, so
     * amount due + payments + credit applied to the amount due always make the total (422 saying why otherwise).
     */
    public void recordPayment(Kobo amount, OffsetDateTime at) {
        refuseUnpayable(amount);
        amountDue = amountDue.minus(amount);
        InvoiceStatus next = amountDue.value() == 0 ? InvoiceStatus.PAID : InvoiceStatus.PARTIAL;
        if (next != status) {
            status = status.moveTo(next);
        }
        updatedAt = at;
    }

    /** Whether a payer may pay it now (its public pay page offers Pay): an issued invoice with something due. */
    public boolean payable() {
        return type == InvoiceType.INVOICE && PAYABLE.contains(status) && amountDue.value() > 0;
    }

    private void refuseUnpayable(Kobo amount) {
        if (amount.value() <= 0) {
            throw new IllegalArgumentException("a payment must be more than zero");
        }
        if (type != InvoiceType.INVOICE) {
            throw ApiException.unprocessable("A credit note cannot take a payment.");
        }
        if (!PAYABLE.contains(status)) {
            throw ApiException.unprocessable("Invoice is " + status.wireName() + "; only a finalized, sent or partially paid invoice can take a payment.");
        }
        if (amount.compareTo(amountDue) > 0) {
            throw ApiException.unprocessable("Invoice " + invoiceNumber + " has " + currency + " " + amountDue.toNairaString()
                    + " due; a payment of " + currency + " " + amount.toNairaString() + " would overpay it.");
        }
    }

    /** Locks the invoice with its IRN and the signature over its canonical form. */
    public void finalizeWith(Irn assigned, String signature, OffsetDateTime at) {
        status = status.moveTo(InvoiceStatus.FINALIZED);
        irn = assigned.value();
        digitalSignature = signature;
        finalizedAt = at;
        updatedAt = at;
    }

    /** Keeps the supplier's details as they are now, with the finalized document. */
    public void supplierAs(String name, String tin, String address, String email) {
        supplierName = name;
        supplierTin = tin;
        supplierAddress = address;
        supplierEmail = email;
    }
}
