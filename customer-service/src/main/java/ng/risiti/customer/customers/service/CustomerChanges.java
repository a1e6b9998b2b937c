package ng.risiti.customer.customers.service;

import ng.risiti.customer.customers.domain.BillingAddress;
import ng.risiti.platform.rest.Change;

/**
 * What a PATCH asks to change: a null field is left as it is; a {@link Change} holding null clears the field (only
 * for those that may be empty: phone, TIN, billing address, notes).
 */
public record CustomerChanges(Change<String> name, Change<String> email, Change<String> phone, Change<String> tin,
        Change<BillingAddress> billingAddress, Change<String> currency, Change<String> notes) {

    public boolean none() {
        return name == null && email == null && phone == null && tin == null && billingAddress == null && currency == null
                && notes == null;
    }
}
