package ng.risiti.nrs.sandbox.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ng.risiti.nrs.sandbox.service.BusinessRegistry;

/**
 * NRS entities (a taxpayer's business as NRS registered it; its id is the {@code business_id} invoices carry):
 * {@code GET /api/v1/entity/{id}} and the search {@code GET /api/v1/entity?size&page&reference}. The sandbox knows the
 * businesses of {@code sandbox.business-ids}, or, unset, any UUID.
 */
@Path("/api/v1/entity")
@Produces(MediaType.APPLICATION_JSON)
public class EntityResource {

    private final BusinessRegistry businesses;

    public EntityResource(BusinessRegistry businesses) {
        this.businesses = businesses;
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        businesses.require(id, "entity_get");
        return NrsEnvelope.ok(entity(id));
    }

    @GET
    public Response search(@QueryParam("size") @DefaultValue("20") int size, @QueryParam("page") @DefaultValue("1") int page,
                           @QueryParam("reference") String reference) {
        List<Map<String, Object>> all = businesses.known().stream().sorted()
                .filter(id -> reference == null || reference.isBlank() || id.contains(reference.toLowerCase()))
                .map(EntityResource::entity).toList();
        return NrsEnvelope.ok(Pages.of(all, page, size));
    }

    private static Map<String, Object> entity(String id) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("id", id);
        entity.put("reference", id);
        entity.put("name", "Sandbox Business " + id.substring(0, Math.min(8, id.length())));
        entity.put("status", "ACTIVE");
        return entity;
    }
}
