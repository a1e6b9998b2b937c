package ng.risiti.auth.account.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One failed password login, counted per throttle key (SHA-256 of email and client IP). */
@Entity
@Table(name = "login_failures")
public class LoginFailure {

    @Id
    public UUID id;
    @Column(name = "throttle_key", nullable = false)
    public String throttleKey;
    @Column(name = "failed_at", nullable = false)
    public OffsetDateTime failedAt;
}
