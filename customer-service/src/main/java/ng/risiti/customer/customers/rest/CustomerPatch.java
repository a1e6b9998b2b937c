package ng.risiti.customer.customers.rest;

import com.fasterxml.jackson.databind.JsonNode;
import ng.risiti.customer.customers.domain.BillingAddress;
import ng.risiti.customer.customers.service.CustomerChanges;
import ng.risiti.platform.rest.Change;
import ng.risiti.platform.rest.Formats;
import ng.risiti.platform.rest.PatchBody;

/**
 * Body of {@code PATCH /api/v1/customers/{id}}: the same fields and rules as create, each optional. Name, email and
 * currency cannot be cleared; a billing address sent replaces the whole address.
 */
final class CustomerPatch {

    private CustomerPatch() {
    }

    static CustomerChanges read(JsonNode json) {
        PatchBody body = PatchBody.of(json);
        Change<String> name = body.text("name", 200, false);
        Change<String> email = body.email("email", false);
        Change<String> phone = body.matching("phone", Formats.PHONE, Formats.PHONE_RULE, true);
        Change<String> tin = body.matching("tin", Formats.TIN, Formats.TIN_RULE, true);
        Change<PatchBody> addressBody = body.object("billing_address");
        Change<BillingAddress> address = addressBody == null ? null
                : new Change<>(addressBody.value() == null ? null : address(addressBody.value()));
        Change<String> currency = body.matching("currency", Formats.CURRENCY, Formats.CURRENCY_RULE, false);
        Change<String> notes = body.text("notes", 2000, true);
        body.validate();
        return new CustomerChanges(name, email, phone, tin, address, currency, notes);
    }

    private static BillingAddress address(PatchBody body) {
        BillingAddress address = new BillingAddress();
        address.streetName = value(body.text("street_name", 200, true));
        address.cityName = value(body.text("city_name", 100, true));
        address.postalZone = value(body.text("postal_zone", 20, true));
        address.country = value(body.matching("country", Formats.COUNTRY, Formats.COUNTRY_RULE, true));
        return address;
    }

    private static String value(Change<String> change) {
        return change == null ? null : change.value();
    }
}
