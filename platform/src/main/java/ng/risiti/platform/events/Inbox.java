package ng.risiti.platform.events;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ng.risiti.platform.persistence.SessionSql;
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
        Object[] parameters = new Object[1 + 2 * events.size()];
        parameters[0] = consumer;
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("($1, $").append(2 * i + 2).append(", $").append(2 * i + 3).append(", now())");
            parameters[2 * i + 1] = events.get(i).id();
            parameters[2 * i + 2] = events.get(i).type();
        }
        sql.append(" on conflict do nothing returning event_id");
        return SessionSql.rows(sql.toString(), parameters).map(inserted -> {
            Set<String> fresh = new HashSet<>();
            inserted.forEach(row -> fresh.add((String) row[0]));
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
