package ng.risiti.platform.idempotency;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource class: its POST endpoints honour {@code Idempotency-Key} (docs/api-rules.md, Idempotency). Every public resource with a POST
 * carries it; a service refuses to start otherwise ({@link IdempotencyCoverage}). The claim of the key, the effect and
 * the stored outcome commit in one transaction ({@link IdempotencyInterceptor}).
 */
@InterceptorBinding
@Inherited
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {
}
