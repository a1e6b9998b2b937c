package ng.risiti.customer.customers.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import ng.risiti.customer.customers.domain.BillingAddress;
import ng.risiti.customer.customers.domain.Contact;
import ng.risiti.customer.customers.domain.Customer;
import ng.risiti.platform.events.Outbox;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.events.contract.CustomerState;
import ng.risiti.platform.security.Tenancy;

/** Publishes each customer's new state on the compacted customers topic (key = customer id). */
@ApplicationScoped
public class CustomerEvents {

    private final Outbox outbox;

    public CustomerEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The topic is compacted, so every record carries the whole state: the customer and all its contacts. */
    public Uni<Void> emit(String type, Customer customer, List<Contact> contacts) {
        return outbox.emit(Topics.CUSTOMERS, type, customer.id.toString(), new Tenancy(customer.tenantId, customer.testMode),
                state(customer, contacts));
    }

    public static CustomerState state(Customer customer, List<Contact> contacts) {
        return new CustomerState(customer.id, customer.tenantId, customer.name, customer.email, customer.phone, customer.tin,
                customer.createdAt, customer.updatedAt, customer.deletedAt, customer.testMode, address(customer.billingAddress),
                contacts.stream().map(contact -> contact.email).toList());
    }

    private static CustomerState.Address address(BillingAddress address) {
        return address == null ? null : new CustomerState.Address(address.streetName, address.cityName, address.postalZone, address.country);
    }
}
