package ng.risiti.platform.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a POST whose response carries a secret (a new API key, an access token, an MFA seed). Its Idempotency-Key
 * still stops duplicates, but the response is not stored, so a repeat answers 409 instead of replaying the secret.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface SecretResponse {
}
