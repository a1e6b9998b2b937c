package ng.risiti.customer.customers.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import ng.risiti.customer.customers.domain.Contact;
import ng.risiti.customer.customers.domain.Customer;
import ng.risiti.customer.customers.domain.CustomerSearch;
import ng.risiti.customer.customers.events.CustomerEvents;
import ng.risiti.customer.customers.repository.ContactRepository;
import ng.risiti.customer.customers.repository.CustomerRepository;
import ng.risiti.customer.invoices.domain.CustomerInvoice;
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

    /** A customer with the invoice figures and contacts its response shows (contacts only where one customer is shown). */
    public record CustomerWithFigures(Customer customer, InvoiceFigures figures, List<Contact> contacts) {
    }

    /** A page of customers and how many the search matches in all. */
    public record Found(List<CustomerWithFigures> rows, long total) {
    }

    private final CustomerRepository customers;
    private final ContactRepository contacts;
    private final CustomerInvoiceService invoices;
    private final CustomerEvents events;
    private final Clock clock;

    public CustomerService(CustomerRepository customers, ContactRepository contacts, CustomerInvoiceService invoices,
            CustomerEvents events, Clock clock) {
        this.customers = customers;
        this.contacts = contacts;
        this.invoices = invoices;
        this.events = events;
        this.clock = clock;
    }

    /** A customer found by email, or made because none was; {@code created} tells which. */
    public record Resolved(Customer customer, boolean created) {
    }

    /** A new customer has no invoices or contacts yet, so it comes back with {@link InvoiceFigures#NONE}. */
    public Uni<CustomerWithFigures> create(Caller caller, NewCustomer details) {
        Customer customer = newCustomer(caller, details);
        return Panache.withTransaction(() -> customers.persist(customer)
                .flatMap(saved -> events.emit(EventTypes.CUSTOMER_CREATED, saved, List.of()).replaceWith(saved)))
                .map(saved -> new CustomerWithFigures(saved, InvoiceFigures.NONE, List.of()));
    }

    /**
     * The caller's live customer with this email (case-insensitive), else a new one (the WooCommerce flow: resolve a
     * shopper to a customer). Calls for one email at once create exactly one customer: they take turns on a lock.
     */
    public Uni<Resolved> findOrCreate(Caller caller, NewCustomer details) {
        Customer candidate = newCustomer(caller, details);
        return Panache.withTransaction(() -> customers.lockEmail(caller.tenancy(), candidate.email)
                .chain(() -> customers.findByEmail(caller.tenancy(), candidate.email))
                .flatMap(found -> found != null ? Uni.createFrom().item(new Resolved(found, false))
                        : customers.persist(candidate)
                                .flatMap(saved -> events.emit(EventTypes.CUSTOMER_CREATED, saved, List.of()))
                                .replaceWith(new Resolved(candidate, true))));
    }

    private Customer newCustomer(Caller caller, NewCustomer details) {
        OffsetDateTime now = Clocks.now(clock);
        Customer customer = new Customer();
        customer.id = UuidV7.next();
        customer.tenantId = caller.tenantId();
        customer.name = details.name().trim();
        customer.email = details.email().trim().toLowerCase(Locale.ROOT);
        customer.phone = details.phone();
        customer.tin = details.tin();
        customer.billingAddress = details.billingAddress();
        customer.currency = details.currency() == null ? "NGN" : details.currency();
        customer.notes = details.notes();
        customer.testMode = caller.test();
        customer.createdAt = now;
        customer.updatedAt = now;
        return customer;
    }

    public Uni<CustomerWithFigures> get(Caller caller, UUID id) {
        return Panache.withSession(() -> require(caller, id).flatMap(this::withFiguresAndContacts));
    }

    /** Changes only the fields asked for and publishes the new state ({@code customer.updated}); nothing asked, nothing written. */
    public Uni<CustomerWithFigures> update(Caller caller, UUID id, CustomerChanges changes) {
        return Panache.withTransaction(() -> require(caller, id).flatMap(customer -> {
            if (changes.none()) {
                return Uni.createFrom().item(customer);
            }
            apply(customer, changes);
            customer.updatedAt = Clocks.now(clock);
            return publish(EventTypes.CUSTOMER_UPDATED, customer).replaceWith(customer);
        }).flatMap(this::withFiguresAndContacts));
    }

    /**
     * Soft delete: the customer leaves lists and lookups, its invoices keep their snapshots, and invoice-service refuses
     * new invoices for it once {@code customer.deleted} reaches it.
     */
    public Uni<Void> delete(Caller caller, UUID id) {
        return Panache.withTransaction(() -> require(caller, id).flatMap(customer -> {
            OffsetDateTime now = Clocks.now(clock);
            customer.deletedAt = now;
            customer.updatedAt = now;
            return publish(EventTypes.CUSTOMER_DELETED, customer);
        }));
    }

    public Uni<Contact> addContact(Caller caller, UUID customerId, NewContact details) {
        return Panache.withTransaction(() -> require(caller, customerId).flatMap(customer -> {
            Contact contact = new Contact();
            contact.id = UuidV7.next();
            contact.customerId = customer.id;
            contact.name = details.name().trim();
            contact.email = details.email().trim().toLowerCase(Locale.ROOT);
            contact.phone = details.phone();
            contact.role = details.role() == null ? null : details.role().trim();
            contact.createdAt = Clocks.now(clock);
            customer.updatedAt = contact.createdAt;
            // The list is read before the insert is flushed, so the new contact is added to it here.
            return contacts.of(customer.id).flatMap(existing -> contacts.persist(contact)
                    .call(() -> events.emit(EventTypes.CUSTOMER_UPDATED, customer, concat(existing, contact))));
        }));
    }

    public Uni<Void> removeContact(Caller caller, UUID customerId, UUID contactId) {
        return Panache.withTransaction(() -> require(caller, customerId)
                .flatMap(customer -> contacts.remove(customer.id, contactId).flatMap(removed -> {
                    if (!removed) {
                        throw ApiException.notFound("Contact", contactId);
                    }
                    customer.updatedAt = Clocks.now(clock);
                    return publish(EventTypes.CUSTOMER_UPDATED, customer);
                })));
    }

    /** Publishes the customer's whole state, its contacts included (the topic keeps only the latest record). */
    private Uni<Void> publish(String type, Customer customer) {
        return contacts.of(customer.id).flatMap(list -> events.emit(type, customer, list));
    }

    private static List<Contact> concat(List<Contact> existing, Contact added) {
        List<Contact> all = new ArrayList<>(existing);
        all.add(added);
        return all;
    }

    /** 404 unless the caller's world has this live customer. */
    public Uni<Void> requireExists(Caller caller, UUID id) {
        return Panache.withSession(() -> require(caller, id)).replaceWithVoid();
    }

    /**
     * A TIN NRS confirmed for this customer: it becomes the customer's TIN, verified ({@code customer.updated} when it
     * changes). Joins the caller's transaction.
     */
    public Uni<Void> markTinVerified(Caller caller, UUID id, String tin) {
        return require(caller, id).flatMap(customer -> {
            if (tin.equals(customer.tin) && customer.tinVerified) {
                return Uni.createFrom().voidItem();
            }
            customer.tin = tin;
            customer.tinVerified = true;
            customer.updatedAt = Clocks.now(clock);
            return publish(EventTypes.CUSTOMER_UPDATED, customer);
        });
    }

    /** A NIN the provider confirmed for this customer (the NIN itself stays in the verification). Joins the caller's transaction. */
    public Uni<Void> markNinVerified(Caller caller, UUID id) {
        return require(caller, id).invoke(customer -> {
            if (!customer.ninVerified) {
                customer.ninVerified = true;
                customer.updatedAt = Clocks.now(clock);
            }
        }).replaceWithVoid();
    }

    /** The customer's invoices, newest first, as invoice events told this service of them. */
    public Uni<List<CustomerInvoice>> invoices(Caller caller, UUID customerId, PageRequest page) {
        return Panache.withSession(() -> require(caller, customerId).flatMap(customer -> invoices.page(customer.tenantId, customer.id, page)));
    }

    /**
     * A customer's state as the customers topic carries it, in either world of the tenant and deleted or not, for
     * another service's replica that has not received it yet (the caller checks the world and the deletion itself).
     */
    public Uni<CustomerState> state(UUID tenantId, UUID id) {
        return Panache.withSession(() -> customers.findInTenant(tenantId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Customer", id))
                .flatMap(customer -> contacts.of(customer.id).map(list -> CustomerEvents.state(customer, list))));
    }

    /** A page and its total read in one transaction: one snapshot, and a search's statements planned for its pattern. */
    public Uni<Found> page(Caller caller, CustomerSearch search, PageRequest page) {
        return Panache.withTransaction(() -> customers.planForThisSearch(search).chain(() -> customers.page(caller.tenancy(), search, page))
                .flatMap(rows -> invoices.figures(caller.tenantId(), rows.stream().map(c -> c.id).toList())
                        .map(figures -> withFigures(rows, figures)))
                .flatMap(rows -> customers.count(caller.tenancy(), search).map(total -> new Found(rows, total))));
    }

    private Uni<Customer> require(Caller caller, UUID id) {
        return customers.findForTenant(caller.tenancy(), id).onItem().ifNull().failWith(() -> ApiException.notFound("Customer", id));
    }

    private Uni<CustomerWithFigures> withFiguresAndContacts(Customer customer) {
        return invoices.figures(customer.tenantId, List.of(customer.id))
                .flatMap(figures -> contacts.of(customer.id).map(list -> new CustomerWithFigures(customer,
                        figures.getOrDefault(customer.id, InvoiceFigures.NONE), list)));
    }

    private static void apply(Customer customer, CustomerChanges changes) {
        if (changes.name() != null) {
            customer.name = changes.name().value();
        }
        if (changes.email() != null) {
            customer.email = changes.email().value();
        }
        if (changes.phone() != null) {
            customer.phone = changes.phone().value();
        }
        if (changes.tin() != null && !Objects.equals(customer.tin, changes.tin().value())) {
            customer.tin = changes.tin().value();
            customer.tinVerified = false; // a new TIN is not the one NRS confirmed
        }
        if (changes.billingAddress() != null) {
            customer.billingAddress = changes.billingAddress().value();
        }
        if (changes.currency() != null) {
            customer.currency = changes.currency().value();
        }
        if (changes.notes() != null) {
            customer.notes = changes.notes().value();
        }
    }

    private static List<CustomerWithFigures> withFigures(List<Customer> rows, Map<UUID, InvoiceFigures> figures) {
        return rows.stream().map(c -> new CustomerWithFigures(c, figures.getOrDefault(c.id, InvoiceFigures.NONE), null)).toList();
    }
}
