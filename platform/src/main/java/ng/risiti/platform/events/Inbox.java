package ng.risiti.platform.events;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Exactly-once effects for at-least-once delivery: a consumed event's id is recorded in the same transaction as its
 * effect, so a redelivered event (relay re-publish, consumer restart, dead-letter replay) changes nothing the second
 * time. Rows are kept longer than any redelivery can come ({@code risiti.inbox.keep}, 14 days) and then pruned.
 */
@ApplicationScoped
public class Inbox {

    private final Pool pool;
    private final java.time.Duration keep;

    public Inbox(Pool pool, @ConfigProperty(name = "risiti.inbox.keep", defaultValue = "14d") java.time.Duration keep) {
        this.pool = pool;
        this.keep = keep;
    }

    /**
     * Records the events for {@code consumer} and returns those it had not processed yet, in their order. Call inside
     * the transaction that applies them.
     */
    public Uni<List<IncomingEvent>> claim(String consumer, List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        StringBuilder sql = new StringBuilder("insert into inbox_events (consumer, event_id, event_type, processed_at) values ");
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?1, ?").append(2 * i + 2).append(", ?").append(2 * i + 3).append(", now())");
        }
        sql.append(" on conflict do nothing returning event_id");
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql.toString(), String.class).setParameter(1, consumer);
            for (int i = 0; i < events.size(); i++) {
                query.setParameter(2 * i + 2, events.get(i).id());
                query.setParameter(2 * i + 3, events.get(i).type());
            }
            return query.getResultList();
        }).map(inserted -> {
            Set<String> fresh = new HashSet<>(inserted);
            return events.stream().filter(event -> fresh.remove(event.id())).toList();
        });
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> prune() {
        return pool.preparedQuery("""
                        delete from inbox_events where ctid = any(array(
                            select ctid from inbox_events where processed_at < now() - make_interval(secs => $1) limit 5000))""")
                .execute(Tuple.of((double) keep.toSeconds()))
                .flatMap(rows -> rows.rowCount() == 5000 ? prune() : Uni.createFrom().voidItem());
    }
}
