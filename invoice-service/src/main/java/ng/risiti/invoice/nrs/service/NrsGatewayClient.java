package ng.risiti.invoice.nrs.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import ng.risiti.platform.security.InternalEndpoints;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** nrs-gateway-service's hand-over of an invoice to submit ({@code POST /internal/nrs/submissions}). */
@RegisterRestClient(configKey = "risiti-nrs-gateway")
@ClientHeaderParam(name = InternalEndpoints.SERVICE_TOKEN_HEADER, value = "${risiti.internal.service-token}")
@Path("/internal/nrs/submissions")
public interface NrsGatewayClient {

    record SubmitRequest(UUID tenantId, boolean testMode, UUID invoiceId, String invoiceNumber, String irn, JsonNode payload) {
    }

    /** 202 with {@code job_id}; 422 when the tenant's live NRS credentials are missing. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> submit(SubmitRequest request);
}
