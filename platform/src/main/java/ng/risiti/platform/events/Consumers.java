package ng.risiti.platform.events;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How every consumer applies an event: in one transaction (with its inbox row, where it has one), retried with
 * backoff when it fails for a moment (database restart, lock timeout), each retry in a fresh transaction. Only after
 * the retries does the channel's failure strategy log it and move on.
 */
public final class Consumers {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int ATTEMPTS = 10;

    private Consumers() {
    }

    public static <T> Uni<Void> applyInTransaction(Supplier<Uni<T>> effect) {
        return Panache.withTransaction(effect)
                .onFailure().retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).atMost(ATTEMPTS)
                .replaceWithVoid();
    }
}
