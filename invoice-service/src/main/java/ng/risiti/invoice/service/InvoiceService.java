package ng.risiti.invoice.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import ng.risiti.invoice.domain.Invoice;
import ng.risiti.invoice.domain.InvoiceLine;
import ng.risiti.invoice.domain.InvoiceStatus;
import ng.risiti.invoice.domain.Irn;
import ng.risiti.invoice.domain.KnownCustomer;
import ng.risiti.invoice.domain.Kobo;
import ng.risiti.invoice.domain.TaxRate;
import ng.risiti.invoice.events.InvoiceEvents;
import ng.risiti.invoice.repository.InvoiceRepository;
import ng.risiti.invoice.repository.TaxRateRepository;
import ng.risiti.invoice.rest.CreateInvoiceRequest;
import ng.risiti.invoice.rest.LineItemRequest;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.FieldError;
import ng.risiti.platform.error.UniqueViolation;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.time.Clocks;

/** Invoice use cases; each write is one transaction that also records its event in the outbox. */
@ApplicationScoped
public class InvoiceService {

    private final InvoiceRepository invoices;
    private final TaxRateRepository taxRates;
    private final CustomerDirectory customers;
    private final InvoiceSigner signer;
    private final InvoiceEvents events;
    private final InvoiceServiceIds serviceIds;
    private final Clock clock;

    public InvoiceService(InvoiceRepository invoices, TaxRateRepository taxRates,
            CustomerDirectory customers, InvoiceSigner signer, InvoiceEvents events, InvoiceServiceIds serviceIds, Clock clock) {
        this.invoices = invoices;
        this.taxRates = taxRates;
        this.customers = customers;
        this.signer = signer;
        this.events = events;
        this.serviceIds = serviceIds;
        this.clock = clock;
    }

    /**
     * One transaction and as few round trips as the work allows: the customer from the replica, the invoice and its
     * lines in one statement, then the number and the event in one more (the number's counter row is the one lock two
     * creates of a tenant share, so it is taken last and held only for that statement and the commit).
     */
    public Uni<Invoice> create(Caller caller, CreateInvoiceRequest request) {
        if (request.dueDate().isBefore(request.issueDate())) {
            throw ApiException.validation("due_date", "due_date must be on or after issue_date");
        }
        String customNumber = request.invoiceNumber() == null ? null : request.invoiceNumber().trim();
        return Panache.withTransaction(() -> customers.require(caller.tenancy(), request.customerId())
                        .flatMap(customer -> ratesFor(caller.tenantId(), request.lineItems())
                                .map(rates -> draft(caller, request, customer, customNumber, rates)))
                        .flatMap(invoices::insertDraft)
                        .call(invoice -> customNumber != null ? events.emit(EventTypes.INVOICE_CREATED, invoice)
                                // test-mode invoices are numbered apart, so one can never be taken for a live one
                                : events.emitCompleting(EventTypes.INVOICE_CREATED, invoice,
                                                invoices.numbering(invoice, invoice.testMode ? "TEST-INV-" : "INV-"))
                                        .invoke(number -> invoice.invoiceNumber = number)))
                .onFailure(failure -> customNumber != null && UniqueViolation.in(failure))
                .transform(failure -> ApiException.conflict("Invoice number '" + customNumber + "' already exists."));
    }

    public Uni<Invoice> get(Caller caller, UUID id) {
        return Panache.withSession(() -> invoices.findForTenant(caller.tenancy(), id))
                .onItem().ifNull().failWith(() -> ApiException.notFound("Invoice", id));
    }

    public Uni<List<Invoice>> page(Caller caller, PageRequest page) {
        return Panache.withSession(() -> invoices.page(caller.tenancy(), page));
    }

    /**
     * Signs outside the transaction (RSA on a worker), then locks the invoice in a short one; the version check
     * refuses the lock if the draft changed (or a concurrent finalize won) in between.
     */
    public Uni<Invoice> finalizeInvoice(Caller caller, UUID id) {
        return get(caller, id).flatMap(draft -> serviceIds.of(caller.tenantId()).flatMap(serviceId -> {
            draft.status.moveTo(InvoiceStatus.FINALIZED);
            Irn irn = Irn.of(draft.invoiceNumber, serviceId, draft.issueDate);
            long version = draft.version;
            return signer.sign(caller.tenantId(), CanonicalInvoice.of(draft, irn))
                    .flatMap(signature -> Panache.withTransaction(() -> invoices.findForTenant(caller.tenancy(), id)
                            .flatMap(invoice -> {
                                if (invoice == null || invoice.version != version) {
                                    return Uni.createFrom().failure(ApiException.conflict("The invoice changed while it was being finalized; retry."));
                                }
                                invoice.finalizeWith(irn, signature, Clocks.now(clock));
                                return events.emit(EventTypes.INVOICE_FINALIZED, invoice).replaceWith(invoice);
                            })));
        }));
    }

    private Uni<Map<UUID, TaxRate>> ratesFor(UUID tenantId, List<LineItemRequest> lines) {
        Set<UUID> ids = new HashSet<>();
        lines.forEach(line -> ids.add(line.taxRateId() != null ? line.taxRateId() : TaxRate.STANDARD_VAT));
        return taxRates.usableBy(tenantId, ids).map(found -> {
            Map<UUID, TaxRate> byId = found.stream().collect(Collectors.toMap(rate -> rate.id, Function.identity()));
            List<FieldError> problems = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                UUID rateId = lines.get(i).taxRateId();
                if (rateId == null) {
                    continue;
                }
                TaxRate rate = byId.get(rateId);
                if (rate == null) {
                    problems.add(new FieldError("line_items." + i + ".tax_rate_id", "tax_rate_id does not name a tax rate of this business"));
                } else if (rate.kind != TaxRate.Kind.VAT) {
                    problems.add(new FieldError("line_items." + i + ".tax_rate_id", "tax_rate_id must be a VAT rate; WHT is deducted by the payer"));
                }
            }
            if (!problems.isEmpty()) {
                throw ApiException.validation(problems);
            }
            return byId;
        });
    }

    private Invoice draft(Caller caller, CreateInvoiceRequest request, KnownCustomer customer, String number,
            Map<UUID, TaxRate> rates) {
        OffsetDateTime now = Clocks.now(clock);
        Invoice invoice = new Invoice();
        invoice.id = UuidV7.next();
        invoice.tenantId = caller.tenantId();
        invoice.invoiceNumber = number;
        invoice.customerId = customer.id;
        invoice.customerName = customer.name;
        invoice.customerTin = customer.tin;
        invoice.customerEmail = customer.email;
        invoice.status = InvoiceStatus.DRAFT;
        invoice.currency = request.currency() == null ? "NGN" : request.currency();
        invoice.issueDate = request.issueDate();
        invoice.dueDate = request.dueDate();
        invoice.notes = request.notes();
        invoice.publicToken = UUID.randomUUID();
        invoice.testMode = caller.test();
        invoice.createdAt = now;
        invoice.updatedAt = now;
        List<InvoiceLine> lines = new ArrayList<>();
        for (LineItemRequest item : request.lineItems()) {
            TaxRate rate = rates.get(item.taxRateId() != null ? item.taxRateId() : TaxRate.STANDARD_VAT);
            InvoiceLine line = new InvoiceLine();
            line.id = UuidV7.next();
            line.description = item.description().trim();
            line.quantity = item.quantity();
            line.unitPrice = Kobo.fromNaira(item.unitPrice());
            line.discountPercent = item.discountPercent() == null ? BigDecimal.ZERO : item.discountPercent();
            line.taxRateId = rate.id;
            line.taxPercent = rate.percent;
            lines.add(line);
        }
        invoice.setLines(lines);
        return invoice;
    }

}
