package ng.risiti.nrs.taxpayers.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** Asks NRS whether a TIN belongs to a registered taxpayer (docs/specification.md, NRS). */
@ApplicationScoped
public class TaxpayerRegistry {

    private static final Logger LOG = Logger.getLogger(TaxpayerRegistry.class);

    private final NrsUtilitiesClient nrs;
    private final ObjectMapper json;

    public TaxpayerRegistry(@RestClient NrsUtilitiesClient nrs, ObjectMapper json) {
        this.nrs = nrs;
        this.json = json;
    }

    /** 200 is registered, 404 is not; NRS refusing the TIN's form is 400 on {@code tin}; anything else is 503. */
    public Uni<TinCheck> check(String tin) {
        return nrs.verifyTin(json.createObjectNode().put("tin", tin))
                // the client throws for 4xx/5xx: those are answers to read, not failures to reach NRS
                .onFailure(WebApplicationException.class).recoverWithItem(failure -> ((WebApplicationException) failure).getResponse())
                .onFailure().transform(failure -> unavailable("unreachable: " + failure))
                .map(response -> {
                    try (response) {
                        return switch (response.getStatus()) {
                            case 200 -> new TinCheck(tin, true, response.readEntity(JsonNode.class).at("/data/taxpayer_name").asText(null));
                            case 404 -> new TinCheck(tin, false, null);
                            case 400 -> throw ApiException.validation("tin", "NRS does not accept this TIN: " + tin);
                            default -> throw unavailable("answered " + response.getStatus());
                        };
                    }
                });
    }

    private static ApiException unavailable(String why) {
        LOG.warnf("NRS TIN verification failed: %s", why);
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "NRS cannot verify TINs right now; retry shortly.");
    }
}
