package ng.risiti.auth.account.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import ng.risiti.auth.team.domain.Role;
import ng.risiti.platform.request.UuidV7;

/** A person who signs in; belongs to one tenant with one role. */
@Entity
@Table(name = "users")
public class User {

    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;
    /** Always lower case: the login identifier. */
    @Column(nullable = false)
    public String email;
    /** Argon2id in PHC form; null for accounts that only sign in with OAuth. */
    @Column(name = "password_hash")
    public String passwordHash;
    @Column(name = "first_name", nullable = false)
    public String firstName;
    @Column(name = "last_name", nullable = false)
    public String lastName;
    @Column(nullable = false)
    public Role role;
    /** Set for accounts created through Google/Microsoft OAuth; they have no password and cannot use password login. */
    @Column(name = "oauth_provider")
    public String oauthProvider;
    @Column(name = "mfa_enabled", nullable = false)
    public boolean mfaEnabled;
    /** The enrolled TOTP secret, AES-256-GCM encrypted ({@code SecretBox}); null without MFA. */
    @Column(name = "mfa_secret")
    public byte[] mfaSecret;
    /** A TOTP secret from POST /auth/mfa/setup not yet confirmed by a code (encrypted like {@link #mfaSecret}). */
    @Column(name = "mfa_pending_secret")
    public byte[] mfaPendingSecret;
    /** The last accepted TOTP time step: a code is accepted once. */
    @Column(name = "mfa_last_step")
    public Long mfaLastStep;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Set when the member is removed from the team; a removed user cannot sign in and is not listed. */
    @Column(name = "removed_at")
    public OffsetDateTime removedAt;

    /** A new user of {@code tenantId} without MFA; {@code passwordHash} is null for accounts that sign in with OAuth. */
    public static User create(UUID tenantId, String email, String passwordHash, String firstName, String lastName, Role role,
            OffsetDateTime now) {
        User user = new User();
        user.id = UuidV7.next();
        user.tenantId = tenantId;
        user.email = email;
        user.passwordHash = passwordHash;
        user.firstName = firstName;
        user.lastName = lastName;
        user.role = role;
        user.mfaEnabled = false;
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    /** The login identifier as stored: trimmed, lower case. */
    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public boolean signsInWithOAuthOnly() {
        return passwordHash == null;
    }
}
