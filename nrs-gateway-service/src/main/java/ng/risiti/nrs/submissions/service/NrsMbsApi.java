package ng.risiti.nrs.submissions.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * NRS's MBS invoice API (the sandbox in test mode). Built per base URL by {@link NrsClient}; answers come back as they
 * are, whatever the status, because NRS's error envelope is what {@code firs_response} shows.
 */
@Path("/api")
public interface NrsMbsApi {

    String KEY = "x-api-key";
    String SECRET = "x-api-secret";
    String REQUEST_ID = "X-Request-Id";

    @GET
    Uni<Response> health();

    @POST
    @Path("/v1/invoice/irn/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> validateIrn(@HeaderParam(KEY) String key, @HeaderParam(SECRET) String secret, @HeaderParam(REQUEST_ID) String requestId,
            JsonNode body);

    @POST
    @Path("/v1/invoice/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> validate(@HeaderParam(KEY) String key, @HeaderParam(SECRET) String secret, @HeaderParam(REQUEST_ID) String requestId,
            JsonNode body);

    @POST
    @Path("/v1/invoice/sign")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> sign(@HeaderParam(KEY) String key, @HeaderParam(SECRET) String secret, @HeaderParam(REQUEST_ID) String requestId,
            JsonNode body);

    @POST
    @Path("/v1/invoice/transmit/{irn}")
    Uni<Response> transmit(@HeaderParam(KEY) String key, @HeaderParam(SECRET) String secret, @HeaderParam(REQUEST_ID) String requestId,
            @PathParam("irn") String irn);

    @GET
    @Path("/v1/invoice/confirm/{irn}")
    Uni<Response> confirm(@HeaderParam(KEY) String key, @HeaderParam(SECRET) String secret, @HeaderParam(REQUEST_ID) String requestId,
            @PathParam("irn") String irn);

    @PATCH
    @Path("/v1/invoice/update/{irn}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> update(@HeaderParam(KEY) String key, @HeaderParam(SECRET) String secret, @HeaderParam(REQUEST_ID) String requestId,
            @PathParam("irn") String irn, JsonNode body);

    @GET
    @Path("/v1/invoice/resources/{name}")
    Uni<Response> resource(@PathParam("name") String name);
}
