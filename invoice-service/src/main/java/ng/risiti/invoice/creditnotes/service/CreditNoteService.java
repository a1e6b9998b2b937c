package ng.risiti.invoice.creditnotes.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import ng.risiti.invoice.creditnotes.domain.CreditLines;
import ng.risiti.invoice.documents.service.NrsQrCode;
import ng.risiti.invoice.invoices.domain.CanonicalInvoice;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.InvoiceLine;
import ng.risiti.invoice.invoices.domain.InvoiceStatus;
import ng.risiti.invoice.invoices.domain.InvoiceType;
import ng.risiti.invoice.invoices.domain.Irn;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.invoices.events.InvoiceEvents;
import ng.risiti.invoice.invoices.repository.InvoiceRepository;
import ng.risiti.invoice.signing.service.InvoiceSigner;
import ng.risiti.invoice.tenants.domain.KnownTenant;
import ng.risiti.invoice.tenants.service.NrsServiceIds;
import ng.risiti.invoice.tenants.service.TenantDirectory;
import ng.risiti.platform.events.contract.EntitlementState;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.FieldError;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.time.Clocks;

/**
 * Issues credit notes: a document of type credit_note in its own number series, finalized at once (IRN, signature),
 * that takes its total off the invoice it credits. One transaction holds the invoice's row lock from the check of what
 * is still creditable to the commit, so concurrent credit notes can never credit more than the invoice's total.
 */
@ApplicationScoped
public class CreditNoteService {

    private static final Set<InvoiceStatus> CREDITABLE = EnumSet.of(InvoiceStatus.FINALIZED, InvoiceStatus.SENT, InvoiceStatus.PARTIAL,
            InvoiceStatus.PAID);
    private static final ZoneId LAGOS = ZoneId.of("Africa/Lagos");

    private final InvoiceRepository invoices;
    private final TenantDirectory tenants;
    private final InvoiceSigner signer;
    private final NrsQrCode qrCodes;
    private final InvoiceEvents events;
    private final Clock clock;

    public CreditNoteService(InvoiceRepository invoices, TenantDirectory tenants, InvoiceSigner signer, NrsQrCode qrCodes, InvoiceEvents events, Clock clock) {
        this.invoices = invoices;
        this.tenants = tenants;
        this.signer = signer;
        this.qrCodes = qrCodes;
        this.events = events;
        this.clock = clock;
    }

    public Uni<Invoice> issue(Caller caller, UUID invoiceId, CreditRequest request) {
        return tenants.requireDocuments(caller, EntitlementState.CREDIT_NOTES, "Credit notes").flatMap(supplier -> Panache.withTransaction(() -> invoices
                .lockForTenant(caller.tenancy(), invoiceId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Invoice", invoiceId))
                .flatMap(original -> {
                    OffsetDateTime now = Clocks.now(clock);
                    Invoice note = creditNote(original, request, now);
                    return invoices.nextNumber(note, caller.test() ? "TEST-CN-" : "CN-")
                            .flatMap(number -> finalizeAs(note, number, supplier, now))
                            .flatMap(invoices::persist)
                            .flatMap(issued -> {
                                boolean wasPaid = original.status == InvoiceStatus.PAID;
                                Kobo customerCredit = original.applyCredit(issued.total, now);
                                return events.emitCreditNote(issued, customerCredit)
                                        .call(() -> events.emit(EventTypes.INVOICE_CREDITED, original))
                                        // credit that settles what a part payment left makes the invoice paid, as a payment would
                                        .call(() -> !wasPaid && original.status == InvoiceStatus.PAID
                                                ? events.emit(EventTypes.INVOICE_PAID, original) : Uni.createFrom().voidItem())
                                        .replaceWith(issued);
                            });
                })));
    }

    private Uni<Invoice> finalizeAs(Invoice note, String number, KnownTenant supplier, OffsetDateTime now) {
        note.invoiceNumber = number;
        Irn irn = Irn.of(number, NrsServiceIds.of(supplier), note.issueDate);
        return signer.sign(note.tenantId, CanonicalInvoice.of(note, irn)).map(signature -> {
            note.finalizeWith(irn, signature, now);
            note.qrPayload = qrCodes.of(irn, now);
            note.supplierAs(supplier.name, supplier.tin, supplier.address, supplier.contactEmail);
            return note;
        });
    }

    /** The credit note as a priced draft, or 422/400 saying why this invoice cannot be credited this way. */
    private Invoice creditNote(Invoice original, CreditRequest request, OffsetDateTime now) {
        if (original.type != InvoiceType.INVOICE) {
            throw ApiException.unprocessable("A credit note cannot itself be credited.");
        }
        if (!CREDITABLE.contains(original.status)) {
            throw ApiException.unprocessable("Invoice is " + original.status.wireName()
                    + "; only a finalized, sent, partially paid or paid invoice can be credited.");
        }
        Kobo creditable = original.creditable();
        if (creditable.value() == 0) {
            throw ApiException.unprocessable("Invoice " + original.invoiceNumber + " is already fully credited.");
        }
        String description = "Credit against " + original.invoiceNumber + ": " + request.reason();
        List<InvoiceLine> lines;
        if (request.lines() != null) {
            lines = CreditLines.of(original, quantities(original, request.lines()));
        } else if (request.amount() != null) {
            refuseOverCredit(original, request.amount(), creditable);
            lines = CreditLines.ofAmount(original, request.amount(), description);
        } else {
            lines = original.credited.value() == 0 ? CreditLines.all(original) : CreditLines.ofAmount(original, creditable, description);
        }
        Invoice note = new Invoice();
        note.id = UuidV7.next();
        note.tenantId = original.tenantId;
        note.type = InvoiceType.CREDIT_NOTE;
        note.originalInvoiceId = original.id;
        note.creditReason = request.reason();
        note.customerId = original.customerId;
        note.customerName = original.customerName;
        note.customerTin = original.customerTin;
        note.customerEmail = original.customerEmail;
        note.customerPhone = original.customerPhone;
        note.customerStreet = original.customerStreet;
        note.customerCity = original.customerCity;
        note.customerPostalZone = original.customerPostalZone;
        note.customerCountry = original.customerCountry;
        note.status = InvoiceStatus.DRAFT;
        note.currency = original.currency;
        note.issueDate = LocalDate.ofInstant(now.toInstant(), LAGOS);
        note.dueDate = note.issueDate;
        note.publicToken = UUID.randomUUID();
        note.testMode = original.testMode;
        note.createdAt = now;
        note.updatedAt = now;
        note.setLines(lines);
        note.amountDue = Kobo.ZERO; // nothing is payable on a credit note
        if (note.total.value() == 0) {
            throw ApiException.unprocessable("A credit note must credit more than " + original.currency + " 0.00.");
        }
        refuseOverCredit(original, note.total, creditable);
        return note;
    }

    private static void refuseOverCredit(Invoice original, Kobo credit, Kobo creditable) {
        if (credit.compareTo(creditable) > 0) {
            throw ApiException.unprocessable("Invoice " + original.invoiceNumber + " can be credited by at most " + original.currency + " "
                    + creditable.toNairaString() + " more; this credit note would credit " + original.currency + " " + credit.toNairaString() + ".");
        }
    }

    /** The quantity to credit of each named line: ids must be the invoice's, each once, quantities at most the line's. */
    private static Map<UUID, BigDecimal> quantities(Invoice original, List<CreditRequest.Line> lines) {
        Map<UUID, InvoiceLine> byId = new HashMap<>();
        original.lines.forEach(line -> byId.put(line.id, line));
        Map<UUID, BigDecimal> quantities = new HashMap<>();
        List<FieldError> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            CreditRequest.Line asked = lines.get(i);
            InvoiceLine line = byId.get(asked.lineId());
            if (line == null) {
                problems.add(new FieldError("line_items." + i + ".line_id", "line_id does not name a line of this invoice"));
            } else if (quantities.putIfAbsent(asked.lineId(), asked.quantity()) != null) {
                problems.add(new FieldError("line_items." + i + ".line_id", "each line may be credited once per credit note"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLine line = byId.get(lines.get(i).lineId());
            if (lines.get(i).quantity().compareTo(line.quantity) > 0) {
                throw ApiException.unprocessable("Line " + (i + 1) + " of the credit note asks for " + lines.get(i).quantity().stripTrailingZeros().toPlainString()
                        + " but the invoice line has " + line.quantity.stripTrailingZeros().toPlainString() + ".");
            }
        }
        return quantities;
    }
}
