package ng.risiti.auth.oauth.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A provider account (provider + its stable {@code sub}) that signs in as one of our users. */
@Entity
@Table(name = "oauth_links")
public class OAuthLink {

    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(nullable = false)
    public String provider;
    @Column(nullable = false)
    public String subject;
    public String email;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "last_login_at", nullable = false)
    public OffsetDateTime lastLoginAt;
}
