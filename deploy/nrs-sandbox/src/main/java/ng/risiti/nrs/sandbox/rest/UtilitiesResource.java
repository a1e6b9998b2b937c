package ng.risiti.nrs.sandbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import ng.risiti.nrs.sandbox.NrsException;

/**
 * TIN verification. Sandbox rules: {@code 12345678-0001} or 10-13 digits is well-formed; a TIN starting
 * with {@code 00000000} is well-formed but unknown (404), so clients can test the not-found path.
 */
@Path("/api/v1/utilities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UtilitiesResource {

    /**
     * Taxpayer login ({@code {"email","password"}}): both required (400 naming the missing ones); any pair is accepted
     * and answered with a session token, so a client's login step can be exercised without real taxpayer accounts.
     */
    @POST
    @Path("/authenticate")
    public Response authenticate(JsonNode body) {
        String email = body == null || !body.hasNonNull("email") ? "" : body.get("email").asText().trim();
        String password = body == null || !body.hasNonNull("password") ? "" : body.get("password").asText();
        java.util.List<String> missing = new java.util.ArrayList<>();
        if (email.isEmpty()) {
            missing.add("email: is required");
        }
        if (password.isEmpty()) {
            missing.add("password: is required");
        }
        if (!missing.isEmpty()) {
            throw new NrsException(400, "taxpayer_authenticate", "invalid request body", String.join("; ", missing));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("access_token", java.util.UUID.randomUUID().toString());
        data.put("token_type", "Bearer");
        data.put("expires_in", 3600);
        data.put("email", email);
        return NrsEnvelope.ok(data);
    }

    @POST
    @Path("/verify-tin")
    public Response verifyTin(JsonNode body) {
        JsonNode v = body == null ? null : body.get("tin");
        String tin = v == null || v.isNull() ? "" : v.asText().trim();
        if (!tin.matches("\\d{8}-\\d{4}|\\d{10,13}")) {
            throw new NrsException(400, "verify_tin", "invalid TIN", "TIN must look like 12345678-0001: " + tin);
        }
        if (tin.startsWith("00000000")) {
            throw new NrsException(404, "verify_tin", "TIN not found", "no taxpayer registered with TIN " + tin);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tin", tin);
        data.put("taxpayer_name", "Sandbox Taxpayer " + tin);
        data.put("status", "ACTIVE");
        data.put("tax_office", "Sandbox MSTO");
        return NrsEnvelope.ok(data);
    }
}
