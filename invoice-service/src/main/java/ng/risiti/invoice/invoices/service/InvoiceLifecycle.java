package ng.risiti.invoice.invoices.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.customers.domain.KnownCustomer;
import ng.risiti.invoice.customers.service.CustomerDirectory;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.InvoiceType;
import ng.risiti.invoice.invoices.events.InvoiceEvents;
import ng.risiti.invoice.invoices.repository.InvoiceRepository;
import ng.risiti.invoice.taxes.domain.TaxRate;
import ng.risiti.invoice.taxes.service.TaxRateService;
import ng.risiti.invoice.tenants.domain.KnownTenant;
import ng.risiti.invoice.tenants.service.TenantDirectory;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.time.Clocks;

/**
 * The invoice's transitions besides create and finalize (docs/specification.md, Invoices): a draft's edits and its
 * deletion, voiding an issued invoice, and cloning any invoice into a new draft. Each write holds the invoice's row lock
 * from the status check to the commit, so it cannot interleave with another write of the invoice; a finalize that
 * signed the draft before an edit here committed fails its version check instead of locking the edited draft.
 */
@ApplicationScoped
public class InvoiceLifecycle {

    private static final ZoneId LAGOS = ZoneId.of("Africa/Lagos");

    private final InvoiceRepository invoices;
    private final InvoiceService invoiceService;
    private final CustomerDirectory customers;
    private final TaxRateService taxRates;
    private final TenantDirectory tenants;
    private final InvoiceEvents events;
    private final Clock clock;

    public InvoiceLifecycle(InvoiceRepository invoices, InvoiceService invoiceService, CustomerDirectory customers, TaxRateService taxRates,
            TenantDirectory tenants, InvoiceEvents events, Clock clock) {
        this.invoices = invoices;
        this.invoiceService = invoiceService;
        this.customers = customers;
        this.taxRates = taxRates;
        this.tenants = tenants;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Changes a draft: a new customer is snapshotted afresh, new lines replace all the old ones, and every total (WHT
     * included) is derived again. 422 unless the invoice is a draft; emits invoice.updated when anything was asked.
     */
    public Uni<Invoice> update(Caller caller, UUID id, DraftChanges changes) {
        // the draft is changed in memory and written back with plain SQL (InvoiceRepository.saveDraft says why)
        return Panache.withTransaction(() -> locked(caller, id).flatMap(invoices::detach).flatMap(invoice -> {
            invoice.status.requireEditable();
            LocalDate issueDate = changes.issueDate() != null ? changes.issueDate().value() : invoice.issueDate;
            LocalDate dueDate = changes.dueDate() != null ? changes.dueDate().value() : invoice.dueDate;
            if (dueDate.isBefore(issueDate)) {
                throw ApiException.validation("due_date", "due_date must be on or after issue_date (" + issueDate + ")");
            }
            if (changes.none()) {
                return Uni.createFrom().item(invoice);
            }
            // one after the other: a session runs one query at a time
            return customer(caller, changes).flatMap(customer -> rates(caller, changes).flatMap(rates -> wht(caller, changes).flatMap(wht -> {
                if (customer != null) {
                    CustomerSnapshot.copy(customer, invoice);
                }
                invoice.issueDate = issueDate;
                invoice.dueDate = dueDate;
                if (changes.notes() != null) {
                    invoice.notes = changes.notes().value();
                }
                if (rates != null) {
                    invoice.setLines(DraftLines.of(changes.lines().value(), rates));
                }
                if (changes.whtRateId() != null) {
                    invoice.withholding(wht == null ? null : wht.id, wht == null ? null : wht.percent);
                }
                invoice.updatedAt = Clocks.now(clock);
                return invoices.saveDraft(invoice, rates != null);
            }))).call(changed -> events.emit(EventTypes.INVOICE_UPDATED, changed));
        }));
    }

    /** Soft-deletes a draft: it answers 404 from then on, its number stays taken. 422 unless it is a draft. */
    public Uni<Void> delete(Caller caller, UUID id) {
        return Panache.withTransaction(() -> locked(caller, id).flatMap(invoice -> {
            invoice.deleteAt(Clocks.now(clock));
            return events.emit(EventTypes.INVOICE_DELETED, invoice);
        }));
    }

    /**
     * Cancels a finalized, sent or partially paid invoice (also one whose NRS submission failed): nothing is due on it
     * from then on. 422 naming its status otherwise; a credit note is never voided (its credit is already applied).
     */
    public Uni<Invoice> voidInvoice(Caller caller, UUID id) {
        return Panache.withTransaction(() -> locked(caller, id).flatMap(invoice -> {
            if (invoice.type == InvoiceType.CREDIT_NOTE) {
                throw ApiException.unprocessable("A credit note cannot be voided; issue an invoice for what it credited instead.");
            }
            invoice.voidAt(Clocks.now(clock));
            return events.emit(EventTypes.INVOICE_VOIDED, invoice).replaceWith(invoice);
        }));
    }

    /**
     * A new draft from an invoice of any status: the same customer (snapshotted afresh), lines, notes, currency and WHT;
     * issued today (Lagos) and due after the tenant's payment terms, or after the original's term while the tenant's
     * invoice defaults are unknown here; the next number; no payments. Created as POST /invoices creates, with its event.
     */
    public Uni<Invoice> cloneInvoice(Caller caller, UUID id) {
        return Panache.withSession(() -> invoices.findForTenant(caller.tenancy(), id))
                .onItem().ifNull().failWith(() -> ApiException.notFound("Invoice", id))
                .flatMap(original -> {
                    if (original.type == InvoiceType.CREDIT_NOTE) {
                        throw ApiException.unprocessable("A credit note cannot be cloned; clone the invoice it credits.");
                    }
                    return tenants.find(caller.tenantId()).flatMap(tenant -> invoiceService.create(caller, copy(original, tenant))
                            .onFailure(failure -> namesField(failure, "customer_id"))
                            .transform(failure -> ApiException.unprocessable("The customer of invoice " + original.invoiceNumber
                                    + " was deleted; it cannot be invoiced again.")));
                });
    }

    private NewInvoice copy(Invoice original, KnownTenant tenant) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), LAGOS);
        long termDays = tenant != null && tenant.paymentTermsDays != null ? tenant.paymentTermsDays
                : ChronoUnit.DAYS.between(original.issueDate, original.dueDate);
        List<NewInvoice.Line> lines = original.lines.stream().map(line -> new NewInvoice.Line(line.description, line.quantity, line.unitPrice,
                line.discountPercent, line.taxRateId, line.hsnCode, line.productCategory)).toList();
        return new NewInvoice(original.customerId, today, today.plusDays(termDays), original.currency, lines, original.notes, null,
                original.whtRateId);
    }

    private Uni<Invoice> locked(Caller caller, UUID id) {
        return invoices.lockForTenant(caller.tenancy(), id).onItem().ifNull().failWith(() -> ApiException.notFound("Invoice", id));
    }

    private Uni<KnownCustomer> customer(Caller caller, DraftChanges changes) {
        return changes.customerId() == null ? Uni.createFrom().nullItem() : customers.require(caller.tenancy(), changes.customerId().value());
    }

    /** The rate of each new line, in order; null when the lines stay. */
    private Uni<List<TaxRate>> rates(Caller caller, DraftChanges changes) {
        return changes.lines() == null ? Uni.createFrom().nullItem()
                : taxRates.ofLines(caller.tenancy(), changes.lines().value().stream().map(NewInvoice.Line::taxRateId).toList());
    }

    /** The new WHT rate; null when it stays or is removed (the changes tell which). */
    private Uni<TaxRate> wht(Caller caller, DraftChanges changes) {
        return changes.whtRateId() == null ? Uni.createFrom().nullItem() : taxRates.whtRate(caller.tenancy(), changes.whtRateId().value());
    }

    private static boolean namesField(Throwable failure, String field) {
        return failure instanceof ApiException api && api.code() == ErrorCode.VALIDATION_ERROR
                && api.details().stream().anyMatch(detail -> field.equals(detail.field()));
    }
}
