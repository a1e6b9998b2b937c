package ng.risiti.auth.mfa.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import ng.risiti.auth.account.domain.SingleUseToken;

/** A login that passed the password and waits for a TOTP or backup code; the client holds it as {@code mfa_token}. */
@Entity
@Table(name = "mfa_challenges")
public class MfaChallenge extends SingleUseToken {

    @Column(nullable = false)
    public int attempts;
    @Column(name = "user_agent")
    public String userAgent;
    @Column(name = "ip_address")
    public String ipAddress;
}
