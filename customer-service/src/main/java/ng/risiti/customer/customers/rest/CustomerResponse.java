package ng.risiti.customer.customers.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.customer.customers.domain.Customer;
import ng.risiti.customer.customers.service.CustomerService.CustomerWithFigures;
import ng.risiti.platform.rest.Naira;

/**
 * The customer object of docs/specification.md (Customers), with the kobo twin of its outstanding balance; {@code
 * contacts} where one customer is shown (null, and so absent, in lists).
 */
public record CustomerResponse(UUID id, String name, String email, String phone, String tin, boolean tinVerified,
        boolean ninVerified, String currency,
        Address billingAddress, String notes, @JsonInclude(JsonInclude.Include.NON_NULL) List<ContactResponse> contacts, long invoiceCount, String outstandingBalance,
        long outstandingBalanceKobo, String creditBalance, long creditBalanceKobo, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public record Address(String streetName, String cityName, String postalZone, String country) {
    }

    public static CustomerResponse of(CustomerWithFigures row) {
        Customer customer = row.customer();
        Address address = customer.billingAddress == null ? null
                : new Address(customer.billingAddress.streetName, customer.billingAddress.cityName,
                        customer.billingAddress.postalZone, customer.billingAddress.country);
        return new CustomerResponse(customer.id, customer.name, customer.email, customer.phone, customer.tin, customer.tinVerified,
                customer.ninVerified, customer.currency,
                address, customer.notes, row.contacts() == null ? null : row.contacts().stream().map(ContactResponse::of).toList(),
                row.figures().invoiceCount(),
                Naira.fromKobo(row.figures().outstandingKobo()), row.figures().outstandingKobo(),
                Naira.fromKobo(row.figures().creditKobo()), row.figures().creditKobo(),
                customer.createdAt, customer.updatedAt);
    }
}
