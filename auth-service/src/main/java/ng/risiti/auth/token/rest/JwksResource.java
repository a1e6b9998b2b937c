package ng.risiti.auth.token.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import ng.risiti.auth.token.config.TokenConfig;
import ng.risiti.auth.token.service.SigningKeys;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

/**
 * The public keys access tokens are verified with (RFC 7517), served bare (not in {@code data}) because JWKS
 * clients expect the standard document. Served at the root for OIDC-style discovery and under /api/v1 for the gateway.
 */
@Path("/")
@Tag(name = "Authentication")
public class JwksResource {

    private final SigningKeys keys;
    private final String cacheControl;

    public JwksResource(SigningKeys keys, TokenConfig config) {
        this.keys = keys;
        this.cacheControl = "public, max-age=" + config.jwksMaxAge().toSeconds();
    }

    @GET
    @Path(".well-known/jwks.json")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "JSON Web Key Set of the access-token signing keys")
    public Uni<RestResponse<Map<String, Object>>> jwks() {
        return keys.published().map(published -> RestResponse.ResponseBuilder
                .ok(Map.<String, Object>of("keys", published.stream().map(JwksResource::jwk).toList()))
                // verifiers keep the set this long (it is how a dropped key leaves their cache); on an unknown kid
                // they refetch sooner, at most once a minute (smallrye.jwt.jwks.forced-refresh-interval)
                .header("Cache-Control", cacheControl)
                .build());
    }

    @GET
    @Path("api/v1/.well-known/jwks.json")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "JSON Web Key Set (gateway path)")
    public Uni<RestResponse<Map<String, Object>>> jwksUnderApi() {
        return jwks();
    }

    private static Map<String, Object> jwk(SigningKeys.Published key) {
        try {
            RsaJsonWebKey jwk = (RsaJsonWebKey) PublicJsonWebKey.Factory.newPublicJwk(key.publicKey());
            jwk.setKeyId(key.kid());
            jwk.setUse("sig");
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot publish key " + key.kid(), e);
        }
    }
}
