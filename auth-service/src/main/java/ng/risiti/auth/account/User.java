package ng.risiti.auth.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.platform.security.Role;

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
    @Column(name = "mfa_enabled", nullable = false)
    public boolean mfaEnabled;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
    /** Set when the member is removed from the team; a removed user cannot sign in and is not listed. */
    @Column(name = "removed_at")
    public OffsetDateTime removedAt;
}
