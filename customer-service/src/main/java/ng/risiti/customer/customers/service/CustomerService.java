package ng.risiti.customer.customers.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ng.risiti.customer.customers.domain.Customer;
import ng.risiti.customer.customers.events.CustomerEvents;
import ng.risiti.customer.customers.repository.CustomerRepository;
import ng.risiti.customer.invoices.domain.InvoiceFigures;
import ng.risiti.customer.invoices.service.CustomerInvoiceService;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.contract.CustomerState;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.time.Clocks;

/** Customer use cases; each write commits its state event in the same transaction. */
@ApplicationScoped
public class CustomerService {

    /** A customer with the invoice figures its response shows. */
    public record CustomerWithFigures(Customer customer, InvoiceFigures figures) {
    }

    private final CustomerRepository customers;
    private final CustomerInvoiceService invoices;
    private final CustomerEvents events;
    private final Clock clock;

    public CustomerService(CustomerRepository customers, CustomerInvoiceService invoices, CustomerEvents events, Clock clock) {
        this.customers = customers;
        this.invoices = invoices;
        this.events = events;
        this.clock = clock;
    }

    /** A new customer has no invoices yet, so it comes back with {@link InvoiceFigures#NONE}. */
    public Uni<CustomerWithFigures> create(Caller caller, NewCustomer details) {
        OffsetDateTime now = Clocks.now(clock);
        Customer customer = new Customer();
        customer.id = UuidV7.next();
        customer.tenantId = caller.tenantId();
        customer.name = details.name().trim();
        customer.email = details.email().trim().toLowerCase();
        customer.phone = details.phone();
        customer.tin = details.tin();
        customer.billingAddress = details.billingAddress();
        customer.currency = details.currency() == null ? "NGN" : details.currency();
        customer.notes = details.notes();
        customer.testMode = caller.test();
        customer.createdAt = now;
        customer.updatedAt = now;
        return Panache.withTransaction(() -> customers.persist(customer)
                .flatMap(saved -> events.emit(EventTypes.CUSTOMER_CREATED, saved).replaceWith(saved)))
                .map(saved -> new CustomerWithFigures(saved, InvoiceFigures.NONE));
    }

    public Uni<CustomerWithFigures> get(Caller caller, UUID id) {
        return Panache.withSession(() -> customers.findForTenant(caller.tenancy(), id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Customer", id))
                .flatMap(customer -> invoices.figures(caller.tenantId(), List.of(id))
                        .map(figures -> new CustomerWithFigures(customer, figures.getOrDefault(id, InvoiceFigures.NONE)))));
    }

    /**
     * A customer's state as the customers topic carries it, in either world of the tenant, for another service's
     * replica that has not received it yet (the caller checks the world itself).
     */
    public Uni<CustomerState> state(UUID tenantId, UUID id) {
        return Panache.withSession(() -> customers.findInTenant(tenantId, id))
                .onItem().ifNull().failWith(() -> ApiException.notFound("Customer", id))
                .map(CustomerEvents::state);
    }

    public Uni<List<CustomerWithFigures>> page(Caller caller, String search, PageRequest page) {
        return Panache.withSession(() -> customers.page(caller.tenancy(), search, page)
                .flatMap(rows -> invoices.figures(caller.tenantId(), rows.stream().map(c -> c.id).toList())
                        .map(figures -> withFigures(rows, figures))));
    }

    private static List<CustomerWithFigures> withFigures(List<Customer> rows, Map<UUID, InvoiceFigures> figures) {
        return rows.stream().map(c -> new CustomerWithFigures(c, figures.getOrDefault(c.id, InvoiceFigures.NONE))).toList();
    }
}
