package ng.risiti.invoice.invoices.service;

import ng.risiti.invoice.customers.domain.KnownCustomer;
import ng.risiti.invoice.invoices.domain.Invoice;

/** The customer as an invoice keeps it: a copy taken when the draft is made or re-pointed, never a live reference. */
final class CustomerSnapshot {

    private CustomerSnapshot() {
    }

    static void copy(KnownCustomer customer, Invoice invoice) {
        invoice.customerId = customer.id;
        invoice.customerName = customer.name;
        invoice.customerTin = customer.tin;
        invoice.customerEmail = customer.email;
        invoice.customerPhone = customer.phone;
        invoice.customerStreet = customer.streetName;
        invoice.customerCity = customer.cityName;
        invoice.customerPostalZone = customer.postalZone;
        invoice.customerCountry = customer.country;
    }
}
