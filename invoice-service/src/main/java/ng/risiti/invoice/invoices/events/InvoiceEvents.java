package ng.risiti.invoice.invoices.events;

import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.platform.events.CompletingWrite;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.Outbox;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.events.contract.InvoiceSnapshot;
import ng.risiti.platform.security.Tenancy;

/** Writes invoice lifecycle events to the outbox, keyed by invoice id so each invoice's events stay ordered. */
@ApplicationScoped
public class InvoiceEvents {

    private final Outbox outbox;

    public InvoiceEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> emit(String type, Invoice invoice) {
        return outbox.emit(Topics.INVOICES, type, invoice.id.toString(), new Tenancy(invoice.tenantId, invoice.testMode), snapshot(invoice));
    }

    /**
     * The event of a write that completes the invoice (its number), in the same statement; returns the write's row, or
     * null when it wrote none.
     */
    public Uni<Object[]> emitCompleting(String type, Invoice invoice, CompletingWrite write) {
        return outbox.emitCompleting(write, Topics.INVOICES, type, invoice.id.toString(), new Tenancy(invoice.tenantId, invoice.testMode),
                snapshot(invoice));
    }

    /** A credit note's credit_note.issued, with what it left on the customer's credit balance. */
    public Uni<Void> emitCreditNote(Invoice creditNote, Kobo customerCredit) {
        return outbox.emit(Topics.INVOICES, EventTypes.CREDIT_NOTE_ISSUED, creditNote.id.toString(),
                new Tenancy(creditNote.tenantId, creditNote.testMode), snapshot(creditNote, customerCredit));
    }

    public static InvoiceSnapshot snapshot(Invoice invoice) {
        return snapshot(invoice, Kobo.ZERO);
    }

    static InvoiceSnapshot snapshot(Invoice invoice, Kobo customerCredit) {
        return new InvoiceSnapshot(invoice.id, invoice.tenantId, invoice.invoiceNumber, invoice.status.wireName(),
                invoice.customerId, invoice.customerName, invoice.customerTin, invoice.currency, invoice.issueDate, invoice.dueDate,
                invoice.subtotal.toNairaString(), invoice.subtotal.value(),
                invoice.taxTotal.toNairaString(), invoice.taxTotal.value(),
                invoice.total.toNairaString(), invoice.total.value(),
                invoice.amountDue.toNairaString(), invoice.amountDue.value(),
                invoice.irn, invoice.testMode, invoice.finalizedAt, invoice.type.wireName(), invoice.originalInvoiceId,
                invoice.credited.toNairaString(), invoice.credited.value(), customerCredit.value(),
                invoice.whtPercent == null ? null : percent(invoice.whtPercent), invoice.wht.toNairaString(), invoice.wht.value());
    }

    /** "5.0", "10.0", as the API shows rates. */
    private static String percent(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 1 ? stripped.setScale(1) : stripped).toPlainString();
    }
}
