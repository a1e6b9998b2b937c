package ng.risiti.invoice.invoices.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import ng.risiti.invoice.customers.service.CustomerDirectory;
import ng.risiti.invoice.documents.service.NrsQrCode;
import ng.risiti.invoice.invoices.domain.CanonicalInvoice;
import ng.risiti.invoice.invoices.domain.Currencies;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.InvoiceListFilter;
import ng.risiti.invoice.invoices.domain.InvoiceStatus;
import ng.risiti.invoice.invoices.domain.Irn;
import ng.risiti.invoice.invoices.events.InvoiceEvents;
import ng.risiti.invoice.invoices.repository.InvoiceRepository;
import ng.risiti.invoice.signing.service.InvoiceSigner;
import ng.risiti.invoice.taxes.domain.TaxRate;
import ng.risiti.invoice.taxes.service.TaxRateService;
import ng.risiti.invoice.tenants.service.NrsServiceIds;
import ng.risiti.invoice.tenants.service.TenantDirectory;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import ng.risiti.platform.error.UniqueViolation;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.contract.EntitlementState;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.ratelimit.Entitlements;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Tenancy;
import ng.risiti.platform.time.Clocks;

/** Invoice use cases; each write is one transaction that also records its event in the outbox. */
@ApplicationScoped
public class InvoiceService {

    /** Whose "today" decides what is overdue: the businesses invoicing here are in Nigeria. */
    private static final ZoneId LAGOS = ZoneId.of("Africa/Lagos");

    private final InvoiceRepository invoices;
    private final TaxRateService taxRates;
    private final CustomerDirectory customers;
    private final InvoiceSigner signer;
    private final InvoiceEvents events;
    private final TenantDirectory tenants;
    private final NrsQrCode qrCodes;
    private final Entitlements entitlements;
    private final Clock clock;

    public InvoiceService(InvoiceRepository invoices, TaxRateService taxRates, CustomerDirectory customers, InvoiceSigner signer,
            InvoiceEvents events, TenantDirectory tenants, NrsQrCode qrCodes, Entitlements entitlements, Clock clock) {
        this.invoices = invoices;
        this.taxRates = taxRates;
        this.customers = customers;
        this.signer = signer;
        this.events = events;
        this.tenants = tenants;
        this.qrCodes = qrCodes;
        this.entitlements = entitlements;
        this.clock = clock;
    }

    /**
     * As few round trips as the work allows: the invoice with its customer's snapshot from the replica, its lines, its
     * number and its event in one statement (a second look at the customer only when the replica does not hold it as
     * the tenant's: to say why, or to fetch one created a moment ago). Priced at the system rates alone, that statement
     * commits by itself (inside an Idempotency-Key's transaction it joins that one), and the number's counter row, the
     * one lock two creates of a tenant share, is held for its execution and commit only
     * ({@link InvoiceRepository#newDraft}). A line or WHT that names a rate may name the tenant's own, which stays
     * share-locked from its read to the lines' insert so a concurrent delete waits and refuses
     * (TaxRateRepository#usableBy): such a create runs in a transaction.
     */
    public Uni<Invoice> create(Caller caller, NewInvoice newInvoice) {
        if (newInvoice.dueDate().isBefore(newInvoice.issueDate())) {
            throw ApiException.validation("due_date", "due_date must be on or after issue_date");
        }
        String currency = Currencies.of(newInvoice.currency());
        String customNumber = newInvoice.invoiceNumber() == null ? null : newInvoice.invoiceNumber().trim();
        boolean namesRates = newInvoice.whtRateId() != null || newInvoice.lines().stream().anyMatch(line -> line.taxRateId() != null);
        Supplier<Uni<Invoice>> work = () -> withinMonthlyLimit(caller)
                .chain(() -> taxRates.ofLines(caller.tenancy(), newInvoice.lines().stream().map(NewInvoice.Line::taxRateId).toList()))
                .flatMap(rates -> taxRates.whtRate(caller.tenancy(), newInvoice.whtRateId())
                        .map(wht -> draft(caller, newInvoice, currency, customNumber, rates, wht)))
                .flatMap(invoice -> written(invoice).flatMap(written -> written ? Uni.createFrom().item(invoice)
                        // the replica does not hold the customer as this tenant's: the refusal that says why, or the
                        // customer from customer-service (created a moment ago, its event not here yet), then again
                        : customers.require(caller.tenancy(), invoice.customerId).chain(() -> written(invoice)).map(again -> {
                            if (!again) {
                                throw CustomerDirectory.notOfThisBusiness();
                            }
                            return invoice;
                        })));
        return (namesRates ? Panache.withTransaction(work) : Panache.withSession(work))
                .onFailure(failure -> customNumber != null && UniqueViolation.in(failure))
                .transform(failure -> ApiException.conflict("Invoice number '" + customNumber + "' already exists."));
    }

    /**
     * 402 PLAN_LIMIT_EXCEEDED once the plan's invoices of the UTC month (billing's entitlements: Free 50, Starter 500,
     * Growth 5,000) were created; one index-range count, and none at all for an unlimited plan, test mode, or a tenant
     * billing has not described yet. Creates racing at the limit can each pass: the overshoot is their number.
     */
    private Uni<Void> withinMonthlyLimit(Caller caller) {
        EntitlementState granted = entitlements.find(caller.tenancy());
        if (caller.test() || granted == null || granted.invoicesPerMonth() == null) {
            return Uni.createFrom().voidItem();
        }
        LocalDate month = LocalDate.now(clock.withZone(ZoneOffset.UTC)).withDayOfMonth(1);
        int limit = granted.invoicesPerMonth();
        return invoices.createdSince(caller.tenancy(), month.atStartOfDay(ZoneOffset.UTC).toInstant()).invoke(created -> {
            if (created >= limit) {
                throw new ApiException(ErrorCode.PLAN_LIMIT_EXCEEDED, "This business has created the " + limit + " invoices a month of its "
                        + granted.planSlug() + " plan; upgrade at /api/v1/billing/subscription, or create more from " + month.plusMonths(1) + ".");
            }
        }).replaceWithVoid();
    }

    public Uni<Invoice> get(Caller caller, UUID id) {
        return Panache.withSession(() -> invoices.findForTenant(caller.tenancy(), id))
                .onItem().ifNull().failWith(() -> ApiException.notFound("Invoice", id));
    }

    /** The credit notes issued against an invoice, oldest first, in the caller's session (the journal's postings). */
    public Uni<List<Invoice>> creditNotesOf(Tenancy tenancy, UUID invoiceId) {
        return invoices.creditNotesOf(tenancy, invoiceId);
    }

    /** A page whose plan depends on the filters' values runs in a transaction: that plan setting is local to one. */
    public Uni<List<Invoice>> page(Caller caller, InvoiceListFilter filter, PageRequest page) {
        LocalDate today = LocalDate.now(clock.withZone(LAGOS));
        return filter.planPerValue() ? Panache.withTransaction(() -> invoices.page(caller.tenancy(), filter, today, page))
                : Panache.withSession(() -> invoices.page(caller.tenancy(), filter, today, page));
    }

    /**
     * Signs outside the transaction (RSA on a worker), then locks the invoice in a short one; the version check
     * refuses the lock if the draft changed (or a concurrent finalize won) in between. The row lock comes first, as in
     * every other write of an invoice (then the event's aggregate version): two writers taking the two locks in
     * opposite orders deadlocked a finalize racing a PATCH.
     */
    public Uni<Invoice> finalizeInvoice(Caller caller, UUID id) {
        return get(caller, id).flatMap(draft -> tenants.find(caller.tenantId()).flatMap(supplier -> {
            draft.status.moveTo(InvoiceStatus.FINALIZED);
            String serviceId = supplier != null ? NrsServiceIds.of(supplier) : NrsServiceIds.sandbox(caller.tenantId());
            Irn irn = Irn.of(draft.invoiceNumber, serviceId, draft.issueDate);
            long version = draft.version;
            return signer.sign(caller.tenantId(), CanonicalInvoice.of(draft, irn))
                    .flatMap(signature -> Panache.withTransaction(() -> invoices.lockForTenant(caller.tenancy(), id)
                            .flatMap(invoice -> {
                                if (invoice == null || invoice.version != version) {
                                    return Uni.createFrom().failure(ApiException.conflict("The invoice changed while it was being finalized; retry."));
                                }
                                invoice.finalizeWith(irn, signature, Clocks.now(clock));
                                invoice.qrPayload = qrCodes.of(irn, invoice.finalizedAt);
                                if (supplier != null) {
                                    invoice.supplierAs(supplier.name, supplier.tin, supplier.address, supplier.contactEmail);
                                }
                                return events.emit(EventTypes.INVOICE_FINALIZED, invoice).replaceWith(invoice);
                            })));
        }));
    }

    /**
     * The draft, its lines and its event in one statement, which snapshots the customer from the replica and numbers
     * the draft (test-mode invoices are numbered apart, so one can never be taken for a live one); false, and nothing
     * written, when the replica does not hold the customer as the tenant's.
     */
    private Uni<Boolean> written(Invoice invoice) {
        return events.emitCompleting(EventTypes.INVOICE_CREATED, invoice, invoices.newDraft(invoice)).map(row -> {
            if (row == null) {
                return false;
            }
            InvoiceRepository.fillFromDraftRow(invoice, row);
            return true;
        });
    }

    /** The draft to write; its customer's snapshot and (unless it brings its own) its number come from the write. */
    private Invoice draft(Caller caller, NewInvoice newInvoice, String currency, String number, List<TaxRate> rates, TaxRate wht) {
        OffsetDateTime now = Clocks.now(clock);
        Invoice invoice = new Invoice();
        invoice.id = UuidV7.next();
        invoice.tenantId = caller.tenantId();
        invoice.invoiceNumber = number;
        invoice.customerId = newInvoice.customerId();
        invoice.status = InvoiceStatus.DRAFT;
        invoice.currency = currency;
        invoice.issueDate = newInvoice.issueDate();
        invoice.dueDate = newInvoice.dueDate();
        invoice.notes = newInvoice.notes();
        invoice.publicToken = UUID.randomUUID();
        invoice.testMode = caller.test();
        invoice.createdAt = now;
        invoice.updatedAt = now;
        invoice.setLines(DraftLines.of(newInvoice.lines(), rates));
        if (wht != null) {
            invoice.withholding(wht.id, wht.percent);
        }
        return invoice;
    }
}
