package ng.risiti.invoice.journal.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.invoices.service.InvoiceService;
import ng.risiti.invoice.journal.domain.InvoicePostings;
import ng.risiti.invoice.journal.domain.JournalEntry;
import ng.risiti.invoice.journal.domain.Posting;
import ng.risiti.invoice.journal.domain.SourceType;
import ng.risiti.invoice.journal.repository.JournalRepository;
import ng.risiti.platform.concurrent.InOrder;
import ng.risiti.platform.events.contract.InvoiceSnapshot;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Tenancy;
import ng.risiti.platform.time.Clocks;

/**
 * Posts the journal entries of invoice events (docs/specification.md, Journal), each in the transaction that records
 * the event in the consumer's inbox, so each event posts exactly once; the unique source key of V13 keeps it once even
 * if one event reached the journal twice under two ids. All of one invoice's events share its key, so they arrive in
 * the order they happened and the invoice's open balances read here are those the event saw.
 */
@ApplicationScoped
public class JournalPostings {

    /** UBL payment means code of cash: the one method that lands in the till rather than the bank. */
    private static final String CASH = "10";

    private final JournalRepository journal;
    private final InvoiceService invoices;
    private final Clock clock;

    public JournalPostings(JournalRepository journal, InvoiceService invoices, Clock clock) {
        this.journal = journal;
        this.invoices = invoices;
        this.clock = clock;
    }

    /** invoice.finalized: DR Trade Debtors total / CR Revenue net / CR VAT Provision VAT, dated the invoice's issue date. */
    public Uni<Void> finalized(InvoiceSnapshot invoice) {
        if (!"invoice".equals(invoice.type())) {
            return Uni.createFrom().voidItem();
        }
        Posting posting = InvoicePostings.finalized(Kobo.of(invoice.totalAmountKobo()), Kobo.of(invoice.subtotalKobo()), Kobo.of(invoice.taxTotalKobo()));
        return post(posting, invoice, invoice.issueDate(), SourceType.INVOICE_FINALIZED, invoice.invoiceId(),
                "Invoice " + invoice.invoiceNumber() + " finalized");
    }

    /**
     * payment.received: DR Bank or Cash [+ DR WHT Receivable what the payer withheld] / CR Trade Debtors, and the paid
     * share of VAT from provision to payable.
     */
    public Uni<Void> paymentReceived(UUID paymentId, Kobo amount, Kobo withheld, String paymentMeansCode, LocalDate paidOn, InvoiceSnapshot invoice) {
        Tenancy tenancy = tenancy(invoice);
        return journal.openBalances(tenancy, invoice.invoiceId()).flatMap(open -> post(
                InvoicePostings.payment(CASH.equals(paymentMeansCode), amount, withheld, Kobo.of(invoice.amountDueKobo()), open), invoice, paidOn,
                SourceType.PAYMENT, paymentId, "Payment of NGN " + amount.toNairaString() + " on " + invoice.invoiceNumber()));
    }

    /** invoice.voided: reverses what the invoice still had open (debtors, its VAT provision, the unpaid revenue). */
    public Uni<Void> voided(InvoiceSnapshot invoice, LocalDate on) {
        return journal.openBalances(tenancy(invoice), invoice.invoiceId()).flatMap(open -> post(InvoicePostings.voided(open), invoice, on,
                SourceType.VOID, invoice.invoiceId(), "Invoice " + invoice.invoiceNumber() + " voided"));
    }

    /**
     * invoice.credited (on the credited invoice's key, so in order with its payments and void): posts each credit note
     * of the invoice not posted yet, oldest first, as far as the event's credited amount reaches. A credit note issued
     * after this event has its own invoice.credited, later in the same order.
     */
    public Uni<Void> credited(InvoiceSnapshot invoice) {
        Tenancy tenancy = tenancy(invoice);
        return invoices.creditNotesOf(tenancy, invoice.invoiceId()).flatMap(notes -> journal
                .posted(tenancy, SourceType.CREDIT_NOTE, notes.stream().map(note -> note.id).toList()).flatMap(posted -> {
                    List<Invoice> due = new java.util.ArrayList<>();
                    long credited = 0;
                    for (Invoice note : notes) {
                        credited += note.total.value();
                        if (credited > invoice.creditedKobo()) {
                            break;
                        }
                        if (!posted.contains(note.id)) {
                            due.add(note);
                        }
                    }
                    return InOrder.run(due, note -> journal.openBalances(tenancy, invoice.invoiceId()).flatMap(open -> post(
                            InvoicePostings.creditNote(note.subtotal, note.taxTotal, open), invoice, note.issueDate, SourceType.CREDIT_NOTE,
                            note.id, "Credit note " + note.invoiceNumber + " against " + invoice.invoiceNumber())));
                }));
    }

    private Uni<Void> post(Posting posting, InvoiceSnapshot invoice, LocalDate date, SourceType source, UUID sourceId, String memo) {
        Optional<JournalEntry> entry = posting.entry(UuidV7.next(), tenancy(invoice), date, source, sourceId, invoice.invoiceId(), null, memo,
                Clocks.now(clock));
        return entry.isEmpty() ? Uni.createFrom().voidItem() : journal.insert(entry.get()).replaceWithVoid();
    }

    /** Writes an entry made elsewhere in this service (an expense's) in the caller's transaction; false if its source has one. */
    public Uni<Boolean> post(JournalEntry entry) {
        return journal.insert(entry);
    }

    /**
     * Posts the reversal of an entry of this tenant (its lines swapped), in the caller's transaction, and returns the
     * reversal's id; the entry itself never changes.
     */
    public Uni<UUID> reverse(Tenancy tenancy, UUID entryId, LocalDate date, String memo) {
        return journal.find(tenancy, entryId).flatMap(entry -> {
            if (entry == null) {
                return Uni.createFrom().failure(new IllegalStateException("journal entry " + entryId + " is not this tenant's"));
            }
            UUID id = UuidV7.next();
            return journal.insert(entry.reversal(id, id, date, memo, Clocks.now(clock))).replaceWith(id);
        });
    }

    private static Tenancy tenancy(InvoiceSnapshot invoice) {
        return new Tenancy(invoice.tenantId(), invoice.testMode());
    }
}
