package ng.risiti.platform.testapp;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.rest.Data;

/** {@code /api/v1/probes}: endpoints that fail in the ways real ones can, for the error mapper tests. */
@Path("/api/v1/probes")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public record Counted(@NotNull @Min(1) Integer count, UUID owner) {
    }

    @GET
    @Path("/unexpected")
    @PermitAll
    public Uni<Data<String>> unexpected() {
        return Uni.createFrom().failure(new IllegalStateException("internal detail: table secret_things, line 42"));
    }

    /** The same row twice: the unique constraint answers, as it does when two creates race. */
    @POST
    @Path("/duplicate")
    @PermitAll
    public Uni<Data<String>> duplicate() {
        UUID id = UUID.randomUUID();
        return Panache.withTransaction(() -> insert(id).chain(() -> insert(id))).replaceWith(Data.of("unreachable"));
    }

    @POST
    @Path("/counted")
    @PermitAll
    public Uni<Data<Counted>> counted(@Valid @NotNull Counted body) {
        return Uni.createFrom().item(Data.of(body));
    }

    private static Uni<Integer> insert(UUID id) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "insert into notes (id, tenant_id, test_mode, text, created_at) values (?1, ?1, false, 'x', ?2)")
                .setParameter(1, id).setParameter(2, OffsetDateTime.now()).executeUpdate());
    }
}
