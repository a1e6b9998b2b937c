package ng.risiti.platform.concurrent;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs work on a Vert.x context of its own (a new duplicated context): for a worker's rows handled side by side, whose
 * Hibernate Reactive sessions must not be shared and whose spans ({@code Traces.inSpan}) must not take turns being
 * current on one context.
 */
public final class OwnContext {

    private OwnContext() {
    }

    public static <T> Uni<T> run(Vertx vertx, Supplier<Uni<T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored -> work.get().subscribe().with(emitter::complete, emitter::fail)));
    }
}
