package ng.risiti.nrs.sandbox.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** NRS's own liveness probe, {@code GET /api}. */
@Path("/api")
public class ApiHealthResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> healthy() {
        return Map.of("healthy", true);
    }
}
