package ng.risiti.customer.customers.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ng.risiti.customer.customers.domain.BillingAddress;
import ng.risiti.customer.customers.domain.Customer;
import ng.risiti.customer.customers.events.CustomerEvents;
import ng.risiti.customer.customers.repository.CustomerRepository;
import ng.risiti.customer.customers.rest.CreateCustomerRequest;
import ng.risiti.customer.invoices.repository.CustomerInvoiceRepository;
import ng.risiti.customer.invoices.repository.CustomerInvoiceRepository.Figures;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Caller;

/** Customer use cases; each write commits its state event in the same transaction. */
@ApplicationScoped
public class CustomerService {

    /** A customer with the invoice figures its response shows. */
    public record CustomerWithFigures(Customer customer, Figures figures) {
    }

    private final CustomerRepository customers;
    private final CustomerInvoiceRepository invoices;
    private final CustomerEvents events;

    public CustomerService(CustomerRepository customers, CustomerInvoiceRepository invoices, CustomerEvents events) {
        this.customers = customers;
        this.invoices = invoices;
        this.events = events;
    }

    public Uni<Customer> create(Caller caller, CreateCustomerRequest request) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Customer customer = new Customer();
        customer.id = UuidV7.next();
        customer.tenantId = caller.tenantId();
        customer.name = request.name().trim();
        customer.email = request.email().trim().toLowerCase();
        customer.phone = request.phone();
        customer.tin = request.tin();
        if (request.billingAddress() != null) {
            BillingAddress address = new BillingAddress();
            address.streetName = request.billingAddress().streetName();
            address.cityName = request.billingAddress().cityName();
            address.postalZone = request.billingAddress().postalZone();
            address.country = request.billingAddress().country();
            customer.billingAddress = address;
        }
        customer.currency = request.currency() == null ? "NGN" : request.currency();
        customer.notes = request.notes();
        customer.testMode = caller.test();
        customer.createdAt = now;
        customer.updatedAt = now;
        return Panache.withTransaction(() -> customers.persist(customer)
                .flatMap(saved -> events.emit(EventTypes.CUSTOMER_CREATED, saved).replaceWith(saved)));
    }

    public Uni<CustomerWithFigures> get(Caller caller, UUID id) {
        return Panache.withSession(() -> customers.findForTenant(caller.tenancy(), id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Customer", id))
                .flatMap(customer -> invoices.figures(caller.tenantId(), List.of(id))
                        .map(figures -> new CustomerWithFigures(customer, figures.getOrDefault(id, Figures.NONE)))));
    }

    /** A customer of the tenant in either world, for another service's replica (it checks the world itself). */
    public Uni<Customer> find(UUID tenantId, UUID id) {
        return Panache.withSession(() -> customers.findInTenant(tenantId, id))
                .onItem().ifNull().failWith(() -> ApiException.notFound("Customer", id));
    }

    public Uni<List<CustomerWithFigures>> page(Caller caller, String search, PageRequest page) {
        return Panache.withSession(() -> customers.page(caller.tenancy(), search, page)
                .flatMap(rows -> invoices.figures(caller.tenantId(), rows.stream().map(c -> c.id).toList())
                        .map(figures -> withFigures(rows, figures))));
    }

    private static List<CustomerWithFigures> withFigures(List<Customer> rows, Map<UUID, Figures> figures) {
        return rows.stream().map(c -> new CustomerWithFigures(c, figures.getOrDefault(c.id, Figures.NONE))).toList();
    }
}
