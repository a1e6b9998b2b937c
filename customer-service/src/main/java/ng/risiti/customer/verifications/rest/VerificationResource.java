package ng.risiti.customer.verifications.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import ng.risiti.customer.verifications.domain.VerificationType;
import ng.risiti.customer.verifications.service.VerificationService;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.pagination.Page;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.pagination.Pagination;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /api/v1/verifications}: TIN (at NRS) and NIN checks, NGN 200 each from the tenant's API credits
 * (docs/specification.md, Plans and prices). With an {@code Idempotency-Key} the provider is asked inside the key's
 * transaction, so a retry never asks (or charges) twice.
 */
@Path("/api/v1/verifications")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VerificationResource {

    private final VerificationService verifications;
    private final Pagination pagination;
    private final SecurityIdentity identity;

    public VerificationResource(VerificationService verifications, Pagination pagination, SecurityIdentity identity) {
        this.verifications = verifications;
        this.pagination = pagination;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Scope.CUSTOMERS_WRITE)
    public Uni<RestResponse<Data<VerificationResponse>>> verify(@Valid @NotNull VerificationRequest request) {
        VerificationType type = VerificationType.parse(request.type()).orElseThrow();
        return verifications.verify(Caller.of(identity), type, request.number().trim(), request.customerId())
                .map(done -> RestResponse.status(RestResponse.Status.CREATED, Data.of(VerificationResponse.of(done))));
    }

    @GET
    @RolesAllowed(Scope.CUSTOMERS_READ)
    public Uni<Page<VerificationResponse>> list(@RestQuery String cursor, @RestQuery String limit) {
        PageRequest page = pagination.request(cursor, limit);
        return verifications.page(Caller.of(identity), page)
                .map(rows -> pagination.page(rows, page, row -> Map.of("id", row.id.toString())).map(VerificationResponse::of));
    }
}
