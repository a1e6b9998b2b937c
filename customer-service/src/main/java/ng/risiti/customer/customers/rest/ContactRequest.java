package ng.risiti.customer.customers.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ng.risiti.customer.customers.service.NewContact;
import ng.risiti.platform.rest.Formats;

/** Body of {@code POST /api/v1/customers/{id}/contacts} (docs/specification.md, Customers). */
public record ContactRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @Pattern(regexp = Formats.PHONE_REGEX, message = Formats.PHONE_RULE) String phone,
        @Size(max = 100) String role) {

    public NewContact toNewContact() {
        return new NewContact(name, email, phone, role);
    }
}
