package ng.risiti.customer.customers.rest;

import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.customer.customers.domain.Customer;

/** A customer as the Finora dialect shows it ({@code businessId} is the tenant). */
public record FinoraCustomer(UUID id, UUID businessId, String name, String email, String phone, String tin, String currency,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static FinoraCustomer of(Customer customer) {
        return new FinoraCustomer(customer.id, customer.tenantId, customer.name, customer.email, customer.phone, customer.tin,
                customer.currency, customer.createdAt, customer.updatedAt);
    }
}
