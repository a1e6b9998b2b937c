package ng.risiti.customer.customers.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ng.risiti.customer.customers.domain.BillingAddress;
import ng.risiti.customer.customers.service.NewCustomer;
import ng.risiti.platform.rest.Formats;

/** Body of {@code POST /api/v1/customers} (docs/specification.md, Customers). */
public record CreateCustomerRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @Pattern(regexp = Formats.PHONE_REGEX, message = Formats.PHONE_RULE) String phone,
        @Pattern(regexp = Formats.TIN_REGEX, message = Formats.TIN_RULE) String tin,
        @Valid AddressRequest billingAddress,
        @Pattern(regexp = Formats.CURRENCY_REGEX, message = Formats.CURRENCY_RULE) String currency,
        @Size(max = 2000) String notes) {

    /** UBL-style postal address. */
    public record AddressRequest(
            @Size(max = 200) String streetName,
            @Size(max = 100) String cityName,
            @Size(max = 20) String postalZone,
            @Pattern(regexp = Formats.COUNTRY_REGEX, message = Formats.COUNTRY_RULE) String country) {

        BillingAddress toBillingAddress() {
            BillingAddress address = new BillingAddress();
            address.streetName = streetName;
            address.cityName = cityName;
            address.postalZone = postalZone;
            address.country = country;
            return address;
        }
    }

    /** The customer this body asks for, in the service's terms. */
    public NewCustomer toNewCustomer() {
        return new NewCustomer(name, email, phone, tin, billingAddress == null ? null : billingAddress.toBillingAddress(),
                currency, notes);
    }
}
