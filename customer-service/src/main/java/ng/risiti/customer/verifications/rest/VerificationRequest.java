package ng.risiti.customer.verifications.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/** Body of {@code POST /api/v1/verifications}: what to verify and, optionally, the customer it is for. */
public record VerificationRequest(
        @NotBlank @Pattern(regexp = "tin|nin", message = "must be tin or nin") String type,
        @NotBlank String number,
        UUID customerId) {
}
