package ng.risiti.auth.apikey.rest;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import ng.risiti.auth.apikey.domain.ApiKey;
import ng.risiti.auth.apikey.service.ApiKeyService;

/**
 * POST /api-keys. Each scope is checked against the known scopes by the service (detail {@code scopes.N}).
 * {@code mode}: {@code live} (default, {@code rs_live_} keys) or {@code test} (sandbox, {@code rs_test_} keys whose
 * callers are {@code Caller.test()} in every service).
 */
public record CreateApiKeyRequest(
        @NotBlank @Size(max = 100) String name,
        @NotEmpty @Size(max = 20) List<String> scopes,
        @Future Instant expiresAt,
        @Pattern(regexp = "live|test", message = "mode must be live or test") String mode) {

    /** What the service creates: a sandbox key when {@code mode} is test; absent means live. */
    public ApiKeyService.NewKey toNewKey() {
        return new ApiKeyService.NewKey(name, scopes, expiresAt, ApiKey.TEST.equals(mode));
    }
}
