package ng.risiti.auth.token.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.auth.token.service.SigningKeys;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The operator's way to rotate the access-token signing key ahead of schedule, e.g.
 * {@code kubectl exec} into a pod and {@code curl -XPOST -H "X-Risiti-Service-Token: ..." localhost:8081/internal/signing-keys/rotate}: the new key is
 * published at once and signs after {@code key-publication-lead}. {@code ?immediate=true} is for a leaked key: a new
 * key signs at once, so the leaked one can be cut off (its {@code retired_at} set back past the publication window)
 * without waiting out the lead while it still signs real tokens; the price is up to a minute of 401s for new tokens
 * at verifiers that have not fetched the new key yet.
 * Network-internal like {@code /internal/api-keys}: the gateway and the Ingress do not route /internal.
 * Callers also need the shared service token ({@code X-Risiti-Service-Token}, checked by the platform's {@code InternalEndpoints}).
 */
@Path("/internal/signing-keys")
@Tag(name = "Internal")
@Produces(MediaType.APPLICATION_JSON)
public class InternalSigningKeyResource {

    private final SigningKeys keys;

    public InternalSigningKeyResource(SigningKeys keys) {
        this.keys = keys;
    }

    @POST
    @Path("/rotate")
    @PermitAll
    @Operation(hidden = true, summary = "Publish the next signing key, or with immediate=true activate a new one now (operators only)")
    public Uni<SigningKeys.Rotation> rotate(@QueryParam("immediate") boolean immediate) {
        return immediate ? keys.rotateImmediately() : keys.rotate();
    }
}
