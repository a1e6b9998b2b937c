package ng.risiti.billing.usage.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.billing.usage.service.UsageReport;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/billing/usage}: invoices created, API calls made and storage used this period, against the plan's limits. */
@Path("/api/v1/billing/usage")
@Tag(name = "Billing")
@Produces(MediaType.APPLICATION_JSON)
public class BillingUsageResource {

    private final UsageReport usage;
    private final SecurityIdentity identity;

    public BillingUsageResource(UsageReport usage, SecurityIdentity identity) {
        this.usage = usage;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scope.ADMIN)
    @Operation(summary = "This month's usage (UTC): API calls today and this period, invoices created, storage (estimated), each beside the plan's limit")
    public Uni<Data<UsageResponse>> get() {
        return usage.of(Caller.of(identity).tenancy()).map(current -> Data.of(UsageResponse.of(current)));
    }
}
