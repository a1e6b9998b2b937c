package ng.risiti.platform.events.contract;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Value of a {@code risiti.customers.v1} record (key = customer id): the customer's latest state. Types
 * {@code customer.created}, {@code customer.updated}, {@code customer.deleted} ({@code deleted_at} set). A test-mode
 * customer ({@code test_mode}) can only be invoiced in test mode. {@code contact_emails} are the customer's contacts'
 * addresses (an invoice sent by email goes to them too); a contact added or removed publishes {@code customer.updated}.
 * Records written before contacts travelled have none (null).
 */
@RegisterForReflection
public record CustomerState(UUID id, UUID tenantId, String name, String email, String phone, String tin,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime deletedAt, boolean testMode, Address billingAddress,
        List<String> contactEmails) {

    /** The customer's billing address in UBL's terms (ISO 3166-1 alpha-2 country); every part may be absent. */
    /** The contacts' addresses, never null. */
    public List<String> contactEmailsOrNone() {
        return contactEmails == null ? List.of() : contactEmails;
    }

    @RegisterForReflection
    public record Address(String streetName, String cityName, String postalZone, String country) {
    }
}
