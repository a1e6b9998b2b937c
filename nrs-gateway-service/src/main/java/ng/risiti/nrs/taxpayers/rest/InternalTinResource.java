package ng.risiti.nrs.taxpayers.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.nrs.taxpayers.service.TaxpayerRegistry;
import ng.risiti.nrs.taxpayers.service.TinCheck;

/**
 * {@code POST /internal/nrs/verify-tin}: a TIN checked at NRS for another service (customer-service's verifications).
 * Network-internal and behind the service token ({@code InternalEndpoints}); NRS's credentials stay here.
 */
@Path("/internal/nrs/verify-tin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InternalTinResource {

    public record VerifyTinRequest(@NotBlank String tin) {
    }

    private final TaxpayerRegistry taxpayers;

    public InternalTinResource(TaxpayerRegistry taxpayers) {
        this.taxpayers = taxpayers;
    }

    @POST
    public Uni<TinCheck> verify(@Valid @NotNull VerifyTinRequest request) {
        return taxpayers.check(request.tin().trim());
    }
}
