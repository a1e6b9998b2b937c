package ng.risiti.invoice.payments.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.InvoiceStatus;
import ng.risiti.invoice.invoices.events.InvoiceEvents;
import ng.risiti.invoice.invoices.repository.InvoiceRepository;
import ng.risiti.invoice.payments.domain.OpenInvoice;
import ng.risiti.invoice.payments.domain.Payment;
import ng.risiti.invoice.payments.events.PaymentEvents;
import ng.risiti.invoice.payments.repository.OpenInvoiceRepository;
import ng.risiti.invoice.payments.repository.PaymentRepository;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import ng.risiti.platform.error.FieldError;
import ng.risiti.platform.error.UniqueViolation;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Tenancy;
import ng.risiti.platform.time.Clocks;

/**
 * Records payments against invoices (docs/specification.md, Payments). One transaction holds the invoice's row lock
 * from reading its amount due to the commit, so concurrent payments take turns and can never take it below zero; the
 * payment, the invoice's new amount due and status, and the events commit together.
 */
@ApplicationScoped
public class PaymentService {

    /** Nigerian business days: a payment's date and its default, today, are Lagos days. */
    public static final ZoneId LAGOS = ZoneId.of("Africa/Lagos");
    /** How many candidates an ambiguous reconciliation lists; more say nothing a person could choose from. */
    static final int CANDIDATES = 20;

    private final PaymentRepository payments;
    private final OpenInvoiceRepository openInvoices;
    private final InvoiceRepository invoices;
    private final PaymentEvents events;
    private final InvoiceEvents invoiceEvents;
    private final Clock clock;

    public PaymentService(PaymentRepository payments, OpenInvoiceRepository openInvoices, InvoiceRepository invoices, PaymentEvents events,
            InvoiceEvents invoiceEvents, Clock clock) {
        this.payments = payments;
        this.openInvoices = openInvoices;
        this.invoices = invoices;
        this.events = events;
        this.invoiceEvents = invoiceEvents;
        this.clock = clock;
    }

    /** Today in Lagos: the default payment date, and the latest one accepted. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(LAGOS));
    }

    public Uni<RecordedPayment> record(Caller caller, UUID invoiceId, NewPayment payment) {
        return Panache.withTransaction(() -> recordIn(caller.tenancy(), invoiceId, payment, null))
                .onFailure(failure -> payment.reference() != null && UniqueViolation.in(failure))
                .transform(failure -> duplicate(payment.reference()));
    }

    /**
     * Finds the open invoice a bank transfer pays, first by its number in the transfer's reference, else by an amount
     * due equal to the transfer, and records the transfer against it; 409 when several match, 404 when none does.
     */
    public Uni<RecordedPayment> reconcile(Caller caller, BankTransfer transfer) {
        Tenancy tenancy = caller.tenancy();
        String reference = transfer.reference().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return Panache.withTransaction(() -> refuseRecorded(tenancy, transfer.reference())
                        .flatMap(free -> openInvoices.numberedIn(tenancy, reference, CANDIDATES + 1))
                        .flatMap(byNumber -> byNumber.isEmpty()
                                ? openInvoices.owing(tenancy, transfer.amount(), CANDIDATES + 1).map(byAmount -> only(byAmount, "amount", transfer))
                                : Uni.createFrom().item(only(byNumber, "reference", transfer)))
                        .flatMap(match -> recordIn(tenancy, match.id(), transfer.asPayment(), match.matchedBy())))
                .onFailure(UniqueViolation::in).transform(failure -> duplicate(transfer.reference()));
    }

    /**
     * Records a payment Paystack captured on the invoice's pay page, in the caller's transaction (the consumer's,
     * with its inbox): the same use case as record-payment. Its reference (Paystack's) is recorded once: a payment
     * already recorded under it answers null and changes nothing.
     */
    public Uni<RecordedPayment> recordCaptured(Tenancy tenancy, UUID invoiceId, NewPayment payment) {
        return payments.referenceTaken(tenancy, payment.reference())
                .flatMap(taken -> taken ? Uni.createFrom().nullItem() : recordIn(tenancy, invoiceId, payment, null));
    }

    public Uni<InvoicePayment> get(Caller caller, UUID id) {
        return Panache.withSession(() -> payments.findForTenant(caller.tenancy(), id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Payment", id))
                .flatMap(payment -> invoices.findForTenant(caller.tenancy(), payment.invoiceId)
                        .map(invoice -> new InvoicePayment(payment, invoice))));
    }

    public Uni<List<Payment>> page(Caller caller, PaymentFilter filter, PageRequest page) {
        return Panache.withSession(() -> payments.page(caller.tenancy(), filter, page));
    }

    /** An invoice's payments, oldest first (the invoice object's {@code payments}). */
    public Uni<List<Payment>> ofInvoice(Caller caller, UUID invoiceId) {
        return Panache.withSession(() -> payments.ofInvoice(caller.tenancy(), invoiceId));
    }

    private Uni<RecordedPayment> recordIn(Tenancy tenancy, UUID invoiceId, NewPayment request, String matchedBy) {
        return invoices.lockForTenant(tenancy, invoiceId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Invoice", invoiceId))
                // a reference seen before is answered first: a retried request learns it was recorded, not that the invoice is paid
                .call(invoice -> refuseRecorded(tenancy, request.reference()))
                .flatMap(invoice -> {
                    OffsetDateTime now = Clocks.now(clock);
                    invoice.recordPayment(request.settles(), now);
                    Payment payment = Payment.of(UuidV7.next(), invoice, request.amount(), request.method(), request.paidOn(),
                            request.reference(), request.notes(), now);
                    payment.whtWithheld = request.whtWithheld();
                    return payments.ofInvoice(tenancy, invoice.id)
                            .call(() -> payments.nextReceiptNumber(tenancy, today().getYear()).invoke(number -> payment.receiptNumber = number))
                            .call(() -> payments.persistAndFlush(payment))
                            .call(() -> events.received(invoice, payment))
                            .call(() -> invoice.status == InvoiceStatus.PAID ? invoiceEvents.emit(EventTypes.INVOICE_PAID, invoice) : Uni.createFrom().voidItem())
                            .map(earlier -> {
                                List<Payment> all = new ArrayList<>(earlier);
                                all.add(payment);
                                return new RecordedPayment(invoice, payment, List.copyOf(all), matchedBy);
                            });
                });
    }

    private Uni<Void> refuseRecorded(Tenancy tenancy, String reference) {
        if (reference == null) {
            return Uni.createFrom().voidItem();
        }
        return payments.referenceTaken(tenancy, reference).invoke(taken -> {
            if (taken) {
                throw duplicate(reference);
            }
        }).replaceWithVoid();
    }

    private static ApiException duplicate(String reference) {
        return ApiException.conflict("A payment with reference '" + reference + "' has already been recorded.");
    }

    private static Match only(List<OpenInvoice> candidates, String matchedBy, BankTransfer transfer) {
        if (candidates.isEmpty()) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No open invoice matches this transfer: none has its number in reference '"
                    + transfer.reference() + "' or " + transfer.amount().toNairaString() + " due.");
        }
        if (candidates.size() > 1) {
            List<FieldError> listed = candidates.stream().limit(CANDIDATES)
                    .map(invoice -> new FieldError(matchedBy, "invoice " + invoice.invoiceNumber() + " (" + invoice.id() + ") has "
                            + invoice.amountDue().toNairaString() + " due"))
                    .toList();
            String how = matchedBy.equals("reference") ? "have their number in reference '" + transfer.reference() + "'"
                    : "have " + transfer.amount().toNairaString() + " due";
            throw new ApiException(ErrorCode.CONFLICT, (candidates.size() > CANDIDATES ? "More than " + CANDIDATES : candidates.size())
                    + " open invoices " + how + "; record the payment against one with POST /api/v1/invoices/{id}/record-payment.", listed);
        }
        return new Match(candidates.getFirst().id(), matchedBy);
    }

    private record Match(UUID id, String matchedBy) {
    }
}
