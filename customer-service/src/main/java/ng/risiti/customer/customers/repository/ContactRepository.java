package ng.risiti.customer.customers.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import ng.risiti.customer.customers.domain.Contact;

/** Contacts of a customer; callers have checked the customer is the tenant's. */
@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID> {

    public Uni<List<Contact>> of(UUID customerId) {
        return list("customerId = ?1 order by id", customerId);
    }

    public Uni<Boolean> remove(UUID customerId, UUID contactId) {
        return delete("customerId = ?1 and id = ?2", customerId, contactId).map(deleted -> deleted > 0);
    }
}
