package ng.risiti.platform.idempotency;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Every POST accepts an Idempotency-Key (docs/api-rules.md, Idempotency). A service refuses to start while a public POST is
 * neither in an {@link Idempotent} resource (returning a {@code Uni}, so the outcome joins the effect's transaction)
 * nor marked {@link IgnoresIdempotencyKey}: forgetting it cannot go unnoticed.
 */
@ApplicationScoped
public class IdempotencyCoverage {

    void check(@Observes StartupEvent ignored, BeanManager beans) {
        List<String> uncovered = new ArrayList<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path path = type.getAnnotation(Path.class);
            if (path == null || path.value().startsWith("/internal")) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(POST.class) || method.isAnnotationPresent(IgnoresIdempotencyKey.class)) {
                    continue;
                }
                boolean idempotent = type.isAnnotationPresent(Idempotent.class) || method.isAnnotationPresent(Idempotent.class);
                if (!idempotent || !Uni.class.isAssignableFrom(method.getReturnType())) {
                    uncovered.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        if (!uncovered.isEmpty()) {
            throw new IllegalStateException("POST endpoints without Idempotency-Key handling: " + uncovered + ". Annotate the resource "
                    + "@Idempotent (its POSTs must return Uni), or a credential exchange @IgnoresIdempotencyKey(\"why\").");
        }
    }
}
