package ng.risiti.auth.apikey.rest;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

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

    public static final String LIVE = "live";
    public static final String TEST = "test";

    /** A sandbox key; absent means live. */
    public boolean sandbox() {
        return TEST.equals(mode);
    }
}
