package ng.risiti.customer.customers.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ng.risiti.customer.customers.service.NewCustomer;
import ng.risiti.platform.rest.Formats;

/** Body of {@code POST /v1/customers/find-or-create}, camelCase as the dialect writes it. */
public record FindOrCreateRequest(
        String businessId,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @Pattern(regexp = Formats.PHONE_REGEX, message = Formats.PHONE_RULE) String phone,
        @Pattern(regexp = Formats.TIN_REGEX, message = Formats.TIN_RULE) String tin) {

    public NewCustomer toNewCustomer() {
        return new NewCustomer(name, email, phone, tin, null, null, null);
    }
}
