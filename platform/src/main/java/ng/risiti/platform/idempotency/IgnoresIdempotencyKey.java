package ng.risiti.platform.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A POST that does not store outcomes for {@code Idempotency-Key}: credential exchanges (login, token refresh, MFA
 * verification, password reset, accepting an invitation). They must record what they learn even when they fail
 * (throttling, a reused refresh token revoking its family, a spent single-use token), which one transaction with the
 * outcome would undo; and a repeat is harmless or refused by the single-use credential itself.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface IgnoresIdempotencyKey {

    /** Why, for the reader: what the endpoint records that must survive its own failure. */
    String value();
}
