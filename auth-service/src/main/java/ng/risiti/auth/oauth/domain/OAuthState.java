package ng.risiti.auth.oauth.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A started sign-in, waiting for the provider to send the browser back. The {@code state} and the browser-binding
 * cookie are only stored as SHA-256; the PKCE verifier and the nonce stay here and never reach the browser.
 */
@Entity
@Table(name = "oauth_states")
public class OAuthState {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String provider;
    @Column(name = "state_hash", nullable = false)
    public String stateHash;
    @Column(name = "binding_hash", nullable = false)
    public String bindingHash;
    @Column(name = "code_verifier", nullable = false)
    public String codeVerifier;
    @Column(nullable = false)
    public String nonce;
    @Column(name = "redirect_to")
    public String redirectTo;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;
    @Column(name = "used_at")
    public OffsetDateTime usedAt;
}
