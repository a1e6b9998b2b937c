package ng.risiti.auth.apikey.rest;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** POST /api-keys. Each scope is checked against the known scopes by the service (detail {@code scopes.N}). */
public record CreateApiKeyRequest(
        @NotBlank @Size(max = 100) String name,
        @NotEmpty @Size(max = 20) List<String> scopes,
        @Future Instant expiresAt) {
}
