package ng.risiti.auth.account.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ng.risiti.auth.account.domain.BusinessType;
import ng.risiti.auth.account.domain.PasswordRule;
import ng.risiti.auth.account.domain.Plans;
import ng.risiti.auth.account.service.AuthService;
import ng.risiti.platform.rest.Formats;

/** POST /auth/register. Enumerations are strings here so every bad field is reported at once, not just the first. */
public record RegisterRequest(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Pattern(regexp = PasswordRule.PATTERN, message = PasswordRule.MESSAGE) String password,
        @NotBlank @Size(max = 200) String businessName,
        @NotBlank @Pattern(regexp = BusinessType.PATTERN, message = "must be one of: individual, sme, enterprise") String businessType,
        @Pattern(regexp = Formats.TIN_REGEX, message = Formats.TIN_RULE) String tin,
        @Pattern(regexp = Plans.PATTERN, message = "must be one of: free, starter, growth, enterprise") String planSlug) {

    public AuthService.NewAccount toNewAccount() {
        return new AuthService.NewAccount(firstName, lastName, email, password, businessName, BusinessType.fromWire(businessType), tin,
                planSlug);
    }

    @Override
    public String toString() {
        return "RegisterRequest[email=" + email + ", password=***]";
    }
}
