package ng.risiti.auth.apikey.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.regex.Pattern;
import ng.risiti.auth.apikey.service.ApiKeyService;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.security.ApiKeyLookupClient;
import ng.risiti.platform.security.ApiKeyState;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The fallback lookup behind {@link ApiKeyLookupClient}: a service that sees a key its replica of
 * {@code risiti.api-keys.v1} does not hold yet asks here. Network-internal: the gateway and the Ingress do not
 * route /internal, and the answer holds no secret (the caller already has the key whose hash it sends).
 * Callers also need the shared service token ({@code X-Risiti-Service-Token}, checked by the platform's {@code InternalEndpoints}).
 */
@Path("/internal/api-keys")
@Tag(name = "Internal")
@Produces(MediaType.APPLICATION_JSON)
public class InternalApiKeyResource {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final ApiKeyService keys;

    public InternalApiKeyResource(ApiKeyService keys) {
        this.keys = keys;
    }

    @GET
    @Path("/{hash}")
    @PermitAll
    @Operation(hidden = true, summary = "State of one API key by the SHA-256 hex of the key (service-to-service)")
    public Uni<ApiKeyState> find(@RestPath String hash) {
        if (!SHA256_HEX.matcher(hash).matches()) {
            return Uni.createFrom().failure(ApiException.notFound("API key", hash));
        }
        return keys.state(hash).map(state -> {
            if (state == null) {
                throw ApiException.notFound("API key", hash);
            }
            return state;
        });
    }
}
