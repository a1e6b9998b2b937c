package ng.risiti.nrs.submissions.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import ng.risiti.nrs.submissions.service.SubmissionService;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.pagination.Page;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.pagination.Pagination;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.Ids;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /api/v1/nrs/submissions}: what the gateway knows of each finalized invoice's way to NRS, and {@code /{id}} with its attempts. */
@Path("/api/v1/nrs/submissions")
@Produces(MediaType.APPLICATION_JSON)
public class NrsSubmissionResource {

    private final SubmissionService submissions;
    private final Pagination pagination;
    private final SecurityIdentity identity;

    public NrsSubmissionResource(SubmissionService submissions, Pagination pagination, SecurityIdentity identity) {
        this.submissions = submissions;
        this.pagination = pagination;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scope.INVOICES_READ)
    public Uni<Page<SubmissionResponse>> list(@RestQuery String cursor, @RestQuery String limit, @RestQuery("invoice_id") String invoiceId) {
        PageRequest page = pagination.request(cursor, limit);
        return submissions.page(Caller.of(identity).tenancy(), invoiceFilter(invoiceId), page)
                .map(rows -> pagination.page(rows, page, row -> Map.of("id", row.id.toString())).map(SubmissionResponse::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Scope.INVOICES_READ)
    public Uni<Data<SubmissionDetailResponse>> get(@RestPath String id) {
        return submissions.detail(Caller.of(identity).tenancy(), Ids.parse(id, "Submission"))
                .map(detail -> Data.of(SubmissionDetailResponse.of(detail)));
    }

    private static UUID invoiceFilter(String invoiceId) {
        if (invoiceId == null || invoiceId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(invoiceId.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("invoice_id", "invoice_id must be a valid UUID");
        }
    }
}
