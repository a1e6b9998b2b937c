package ng.risiti.platform.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An {@code x-api-key} (or Finora-style Bearer {@code rs_live_...}) presented with a request. */
public final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
