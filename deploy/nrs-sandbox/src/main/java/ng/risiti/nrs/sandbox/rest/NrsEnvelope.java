package ng.risiti.nrs.sandbox.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * NRS MBS response shapes: success {@code {"code":200,"data":{...}}}; failure
 * {@code {"code":400,"data":null,"message":"...","error":{"id","handler","details","public_message"}}}.
 */
public final class NrsEnvelope {

    private NrsEnvelope() {
    }

    public static Response ok(Object data) {
        return of(200, data);
    }

    public static Response of(int status, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", status);
        body.put("data", data);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    public static Response error(int status, String handler, String publicMessage, String details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("id", UUID.randomUUID().toString());
        error.put("handler", handler);
        error.put("details", details);
        error.put("public_message", publicMessage);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", status);
        body.put("data", null);
        body.put("message", publicMessage);
        body.put("error", error);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
