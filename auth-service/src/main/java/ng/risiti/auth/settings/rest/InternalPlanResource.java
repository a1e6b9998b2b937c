package ng.risiti.auth.settings.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.auth.account.domain.Plans;
import ng.risiti.auth.settings.service.SettingsService;
import ng.risiti.platform.rest.Data;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /internal/tenants/plan}: an operator puts a business on a plan (Enterprise, or any plan for a test), e.g.
 * {@code ./risiti admin set-plan ada@fime.ng enterprise}. Network-internal and behind the service token like every
 * {@code /internal} path.
 */
@Path("/internal/tenants/plan")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InternalPlanResource {

    public record PlanChange(@NotBlank @Email String email, @NotBlank @Pattern(regexp = Plans.PATTERN,
            message = "must be one of: free, starter, growth, enterprise") String plan) {
    }

    private final SettingsService settings;

    public InternalPlanResource(SettingsService settings) {
        this.settings = settings;
    }

    @POST
    @PermitAll
    @Operation(hidden = true)
    public Uni<Data<SettingsView>> setPlan(@Valid @NotNull PlanChange change) {
        return settings.setPlan(change.email(), change.plan()).map(current -> Data.of(SettingsView.of(current)));
    }
}
