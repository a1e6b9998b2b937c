package ng.risiti.auth.account.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A password-reset link's token (SHA-256 only): single use, short-lived. */
@Entity
@Table(name = "password_reset_tokens")
public class PasswordResetToken extends SingleUseToken {
}
