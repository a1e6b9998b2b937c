package ng.risiti.platform.concurrent;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one asynchronous step per item, each after the previous completed, without the stack growing per item.
 * Chaining {@code uni.chain(...)} once per item nests the steps: when they complete at once (an entity persisted into
 * the session, an event with nothing to do), a poll of a hundred events recursed deep enough to overflow a 512 KB
 * thread stack, and the overflow was swallowed, leaving the consumer's transaction open forever. Here a step that
 * completes at once hands back to the loop instead.
 */
public final class InOrder {

    private InOrder() {
    }

    public static <T> Uni<Void> run(Iterable<T> items, Function<T, Uni<?>> step) {
        return Uni.createFrom().emitter(emitter -> new Runner<>(items.iterator(), step, emitter).drain());
    }

    private static final class Runner<T> {

        private final Iterator<T> items;
        private final Function<T, Uni<?>> step;
        private final UniEmitter<? super Void> emitter;
        private final AtomicInteger pending = new AtomicInteger();
        private volatile boolean failed;

        Runner(Iterator<T> items, Function<T, Uni<?>> step, UniEmitter<? super Void> emitter) {
            this.items = items;
            this.step = step;
            this.emitter = emitter;
        }

        /** Starts the next step, unless a loop is already running on this stack (it will start it). */
        void drain() {
            if (pending.getAndIncrement() != 0) {
                return;
            }
            do {
                if (failed) {
                    return;
                }
                if (!items.hasNext()) {
                    emitter.complete(null);
                    return;
                }
                Uni<?> next;
                try {
                    next = step.apply(items.next());
                } catch (RuntimeException e) {
                    fail(e);
                    return;
                }
                next.subscribe().with(ignored -> drain(), this::fail);
            } while (pending.decrementAndGet() != 0);
        }

        private void fail(Throwable failure) {
            failed = true;
            emitter.fail(failure);
        }
    }
}
