package ng.risiti.customer.customers.rest;

import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.customer.customers.domain.Contact;

/** A contact as the customer shows it. */
public record ContactResponse(UUID id, String name, String email, String phone, String role, OffsetDateTime createdAt) {

    public static ContactResponse of(Contact contact) {
        return new ContactResponse(contact.id, contact.name, contact.email, contact.phone, contact.role, contact.createdAt);
    }
}
