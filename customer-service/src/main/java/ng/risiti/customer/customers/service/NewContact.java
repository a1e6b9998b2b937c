package ng.risiti.customer.customers.service;

/** A contact to add to a customer, as validated by the API. */
public record NewContact(String name, String email, String phone, String role) {
}
