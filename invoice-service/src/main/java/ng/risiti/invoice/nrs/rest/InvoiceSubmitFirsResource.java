package ng.risiti.invoice.nrs.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.invoice.nrs.service.FirsSubmissions;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.Ids;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /api/v1/invoices/{id}/submit-firs}: docs/specification.md, NRS. 202 with the job; the outcome arrives later on
 * the invoice ({@code firs_submitted_at}, {@code firs_response}) and as {@code invoice.firs_submitted} /
 * {@code invoice.firs_submission_failed}.
 */
@Path("/api/v1/invoices/{id}/submit-firs")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceSubmitFirsResource {

    private final FirsSubmissions submissions;
    private final SecurityIdentity identity;

    public InvoiceSubmitFirsResource(FirsSubmissions submissions, SecurityIdentity identity) {
        this.submissions = submissions;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Scope.INVOICES_WRITE)
    public Uni<RestResponse<Data<FirsSubmissions.Queued>>> submit(@RestPath String id) {
        return submissions.submit(Caller.of(identity), Ids.parse(id, "Invoice"))
                .map(queued -> RestResponse.status(RestResponse.Status.ACCEPTED, Data.of(queued)));
    }
}
