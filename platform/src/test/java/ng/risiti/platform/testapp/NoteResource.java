package ng.risiti.platform.testapp;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import ng.risiti.platform.events.Outbox;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.idempotency.SecretResponse;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.security.Caller;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /api/v1/notes}: creates a note and its event in one transaction, as services create their resources. Knobs
 * for the tests: {@code fail_after_write} throws after the note and event were written (a 5xx after the effect),
 * {@code slow_ms} holds the transaction open (a duplicate arrives meanwhile).
 */
@Path("/api/v1/notes")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoteResource {

    public record CreateNote(@NotBlank String text, Boolean failAfterWrite, Integer slowMs) {
    }

    public record NoteView(UUID id, String text, boolean testMode, String shareToken) {
    }

    public record IssuedSecret(String secret) {
    }

    private final Outbox outbox;
    private final SecurityIdentity identity;
    private final Clock clock;

    public NoteResource(Outbox outbox, SecurityIdentity identity, Clock clock) {
        this.outbox = outbox;
        this.identity = identity;
        this.clock = clock;
    }

    @POST
    @Authenticated
    public Uni<RestResponse<Data<NoteView>>> create(@Valid @NotNull CreateNote request) {
        Caller caller = Caller.of(identity);
        Note note = new Note();
        note.id = UuidV7.next();
        note.tenantId = caller.tenantId();
        note.testMode = caller.test();
        note.text = request.text();
        note.createdAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return Panache.withTransaction(() -> note.persist()
                        .chain(() -> outbox.emit(NoteEvents.TOPIC, NoteEvents.CREATED, note.id.toString(), caller.tenancy(),
                                new NoteView(note.id, note.text, note.testMode, null)))
                        .chain(() -> request.slowMs() == null ? Uni.createFrom().voidItem()
                                : Panache.getSession().flatMap(session -> session.createNativeQuery("select pg_sleep(?1)")
                                        .setParameter(1, request.slowMs() / 1000.0).getSingleResult()).replaceWithVoid())
                        .invoke(() -> {
                            if (Boolean.TRUE.equals(request.failAfterWrite())) {
                                throw new IllegalStateException("failing after the write, as a crash would");
                            }
                        }))
                .map(ignored -> RestResponse.status(RestResponse.Status.CREATED,
                        Data.of(new NoteView(note.id, note.text, note.testMode, "share-" + note.id))));
    }

    /** A response holding a secret (like a new API key): a repeat with the same key is refused, never replayed. */
    @POST
    @Path("/secrets")
    @Authenticated
    @SecretResponse
    public Uni<Data<IssuedSecret>> issueSecret() {
        return Uni.createFrom().item(Data.of(new IssuedSecret("secret-" + UUID.randomUUID())));
    }

    @GET
    @Authenticated
    public Uni<List<NoteView>> list() {
        Caller caller = Caller.of(identity);
        return Panache.withSession(() -> Note.<Note>list("tenantId = ?1 and testMode = ?2 order by id", caller.tenantId(), caller.test()))
                .map(notes -> notes.stream().map(note -> new NoteView(note.id, note.text, note.testMode, null)).toList());
    }
}
