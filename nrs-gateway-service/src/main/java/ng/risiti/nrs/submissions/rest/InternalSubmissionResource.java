package ng.risiti.nrs.submissions.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import ng.risiti.nrs.submissions.service.SubmissionService;
import ng.risiti.nrs.submissions.service.SubmissionService.SubmitInvoice;
import ng.risiti.nrs.submissions.service.SubmissionWorker;
import ng.risiti.platform.security.Tenancy;

/**
 * {@code POST /internal/nrs/submissions}: invoice-service hands over an invoice for {@code POST /invoices/{id}/submit-firs}
 * (it owns that path and has already checked the invoice's state and the plan), with the NRS payload it built. The
 * payload travels here rather than on the public invoices topic: it is built once by the invoice's owner, frozen for
 * every retry, and NRS-only. 202 with the job; 422 when a live tenant has no usable NRS credentials.
 */
@Path("/internal/nrs/submissions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InternalSubmissionResource {

    public record SubmitRequest(@NotNull UUID tenantId, boolean testMode, @NotNull UUID invoiceId, @NotBlank String invoiceNumber,
            @NotBlank String irn, @NotNull JsonNode payload) {
    }

    public record SubmitResponse(String jobId, UUID submissionId, String status, boolean queuedNow) {
    }

    private final SubmissionService submissions;
    private final SubmissionWorker worker;

    public InternalSubmissionResource(SubmissionService submissions, SubmissionWorker worker) {
        this.submissions = submissions;
        this.worker = worker;
    }

    @POST
    public Uni<Response> submit(@Valid @NotNull SubmitRequest request) {
        return submissions.queue(new Tenancy(request.tenantId(), request.testMode()),
                        new SubmitInvoice(request.invoiceId(), request.invoiceNumber(), request.irn(), request.payload()))
                // committed: start on it now rather than at the worker's next tick
                .invoke(queued -> {
                    if (queued.queuedNow()) {
                        worker.kick();
                    }
                })
                .map(queued -> Response.accepted(new SubmitResponse(SubmissionService.jobId(request.invoiceId()), queued.submission().id,
                        queued.submission().status.wireName(), queued.queuedNow())).build());
    }
}
