package ng.risiti.nrs.sandbox.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stand-in for a NIN (National Identification Number) lookup provider, beside the NRS sandbox because it is the
 * same kind of outside world. Sandbox rules: a NIN is 11 digits; the few listed below are registered people, every
 * other well-formed NIN is not found (404). {@code GET /nin/v1/identities/{nin}}.
 */
@Path("/nin/v1/identities")
@Produces(MediaType.APPLICATION_JSON)
public class NinLookupResource {

    static final Map<String, String[]> REGISTERED = Map.of(
            "12345678901", new String[] {"Adaeze", "Okafor"},
            "23456789012", new String[] {"Emeka", "Obi"},
            "34567890123", new String[] {"Ngozi", "Bello"});

    @GET
    @Path("/{nin}")
    public Response lookup(@PathParam("nin") String nin) {
        if (!nin.matches("\\d{11}")) {
            return answer(400, Map.of("status", "invalid", "message", "A NIN is 11 digits."));
        }
        String[] name = REGISTERED.get(nin);
        if (name == null) {
            return answer(404, Map.of("status", "not_found", "message", "No identity is registered with this NIN."));
        }
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("status", "found");
        identity.put("nin", nin);
        identity.put("first_name", name[0]);
        identity.put("last_name", name[1]);
        return answer(200, identity);
    }

    private static Response answer(int status, Map<String, ?> body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
