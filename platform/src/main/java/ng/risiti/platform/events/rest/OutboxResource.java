package ng.risiti.platform.events.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.events.relay.OutboxRelay;
import ng.risiti.platform.events.relay.OutboxRows;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.Ids;
import org.jboss.resteasy.reactive.RestPath;

/** {@code /internal/outbox}: what waits in this service's outbox, and a retry for a parked event (operators; service token). */
@Path("/internal/outbox")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {

    public record OutboxView(String relay, long pending, long parked, long oldestPendingSeconds, String failingSince, String lastFailure,
            List<OutboxRows.Parked> parkedEvents) {
    }

    private final OutboxRelay relay;
    private final OutboxRows rows;

    public OutboxResource(OutboxRelay relay, OutboxRows rows) {
        this.relay = relay;
        this.rows = rows;
    }

    @GET
    @Blocking
    public Data<OutboxView> show() {
        OutboxRows.Backlog backlog = rows.backlog();
        OutboxRelay.Status status = relay.status();
        return Data.of(new OutboxView(status.leader() ? "publishing" : "standby", backlog.pending(), backlog.parked(),
                backlog.oldestPendingAge().toSeconds(), status.failingSince() == null ? null : status.failingSince().toString(),
                status.lastFailure(), rows.parked(100)));
    }

    /** Gives a parked event (and so its aggregate) another go, after the cause was fixed. */
    @POST
    @Path("/{id}/retry")
    @Blocking
    public Data<UUID> retry(@RestPath String id) {
        UUID eventId = Ids.parse(id, "Parked event");
        if (!rows.unpark(eventId)) {
            throw ApiException.notFound("Parked event", eventId);
        }
        relay.expectEvents();
        return Data.of(eventId);
    }
}
