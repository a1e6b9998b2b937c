package ng.risiti.customer.customers.domain;

import java.time.OffsetDateTime;

/**
 * What a customer list is narrowed to: {@code text} anywhere in name, email or TIN (case-insensitive), created in
 * [{@code createdFrom}, {@code createdTo}); each part may be null.
 */
public record CustomerSearch(String text, OffsetDateTime createdFrom, OffsetDateTime createdTo) {

    public static final CustomerSearch ALL = new CustomerSearch(null, null, null);
}
