package ng.risiti.platform.events;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Exactly-once effects for at-least-once delivery: the consumed event's id is recorded in the same transaction
 * as its effect, so a redelivered event (relay re-publish, consumer restart) changes nothing the second time.
 */
@ApplicationScoped
public class Inbox {

    /**
     * Runs {@code effect} unless {@code consumer} already processed this event. Call inside
     * {@code Panache.withTransaction}; returns whether the effect ran.
     */
    public Uni<Boolean> once(String consumer, IncomingEvent event, Supplier<Uni<?>> effect) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery("""
                                insert into inbox_events (consumer, event_id, event_type, processed_at)
                                values (?1, ?2, ?3, now()) on conflict do nothing""")
                        .setParameter(1, consumer)
                        .setParameter(2, event.id())
                        .setParameter(3, event.type())
                        .executeUpdate())
                .flatMap(inserted -> inserted == 1 ? effect.get().replaceWith(true) : Uni.createFrom().item(false));
    }
}
