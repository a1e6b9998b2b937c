package ng.risiti.customer.customers.service;

import ng.risiti.customer.customers.domain.BillingAddress;

/** A customer to create, as the caller gave it (validated, not yet normalised); only name and email are required. */
public record NewCustomer(String name, String email, String phone, String tin, BillingAddress billingAddress,
        String currency, String notes) {
}
