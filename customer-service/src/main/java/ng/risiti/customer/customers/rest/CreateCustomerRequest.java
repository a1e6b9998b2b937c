package ng.risiti.customer.customers.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ng.risiti.customer.customers.domain.BillingAddress;
import ng.risiti.customer.customers.service.NewCustomer;

/** Body of {@code POST /api/v1/customers} (docs/specification.md, Customers). */
public record CreateCustomerRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @Pattern(regexp = "\\+?[0-9]{7,15}", message = "must be a phone number with country code, e.g. +2348012345678") String phone,
        @Pattern(regexp = "[0-9]{8}-[0-9]{4}", message = "must be a TIN such as 12345678-0001") String tin,
        @Valid AddressRequest billingAddress,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as NGN") String currency,
        @Size(max = 2000) String notes) {

    /** UBL-style postal address. */
    public record AddressRequest(
            @Size(max = 200) String streetName,
            @Size(max = 100) String cityName,
            @Size(max = 20) String postalZone,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as NG") String country) {

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
