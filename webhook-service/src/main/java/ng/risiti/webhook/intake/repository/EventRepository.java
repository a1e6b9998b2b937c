package ng.risiti.webhook.intake.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import ng.risiti.platform.persistence.JsonRows;
import ng.risiti.platform.persistence.SessionSql;
import ng.risiti.webhook.intake.domain.Event;

@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<Event, String> {

    private static final List<String> COLUMNS = List.of("id", "tenant_id", "type", "subject", "occurred_at", "data", "test_mode", "received_at");

    /** Inserts received events in one statement; joins the caller's transaction. */
    public Uni<Integer> insertAll(List<Event> events) {
        return SessionSql.update("""
                insert into events (id, tenant_id, type, subject, occurred_at, data, test_mode, received_at)
                select id, tenant_id, type, subject, occurred_at, data, test_mode, received_at
                from json_populate_recordset(null::events, $1::text::json)""",
                JsonRows.of(COLUMNS, events.stream().map(event -> new Object[] {event.id, event.tenantId, event.type, event.subject,
                        event.occurredAt, event.data, event.testMode, event.receivedAt}).toList()));
    }
}
