package ng.risiti.auth.account.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ng.risiti.auth.account.domain.BusinessType;
import ng.risiti.auth.account.domain.Plans;

/** POST /auth/register. Enumerations are strings here so every bad field is reported at once, not just the first. */
public record RegisterRequest(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Pattern(regexp = PASSWORD, message = PASSWORD_RULE) String password,
        @NotBlank @Size(max = 200) String businessName,
        @NotBlank @Pattern(regexp = BusinessType.PATTERN, message = "must be one of: individual, sme, enterprise") String businessType,
        @Pattern(regexp = "\\d{8}-\\d{4}", message = "must be a TIN in the format 12345678-0001") String tin,
        @Pattern(regexp = Plans.PATTERN, message = "must be one of: free, starter, growth, enterprise") String planSlug) {

    /** Seed 002: min 8 characters with an uppercase letter and a number; capped so hashing cost stays bounded. */
    public static final String PASSWORD = "(?=.*\\p{Lu})(?=.*\\d)[\\s\\S]{8,128}";
    public static final String PASSWORD_RULE = "must be 8 to 128 characters and include an uppercase letter and a number";

    @Override
    public String toString() {
        return "RegisterRequest[email=" + email + ", password=***]";
    }
}
