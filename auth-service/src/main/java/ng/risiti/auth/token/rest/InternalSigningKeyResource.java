package ng.risiti.auth.token.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.auth.token.service.SigningKeys;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The operator's way to rotate the access-token signing key now (suspected leak, or ahead of schedule), e.g.
 * {@code kubectl exec deploy/auth-service -- curl -XPOST localhost:8081/internal/signing-keys/rotate}.
 * Network-internal like {@code /internal/api-keys}: the gateway and the Ingress do not route /internal.
 * TODO(issue 3+): also require a shared service token.
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
    @Operation(hidden = true, summary = "Activate a new signing key and retire the active one (operators only)")
    public Uni<SigningKeys.Rotation> rotate() {
        return keys.rotate();
    }
}
