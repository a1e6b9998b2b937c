package ng.risiti.customer.customers.rest;

import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.quarkus.resteasy.reactive.jackson.CustomSerialization;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.customer.customers.service.CustomerService;
import ng.risiti.platform.finora.FinoraBusiness;
import ng.risiti.platform.finora.FinoraJson;
import ng.risiti.platform.finora.FinoraResponse;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /v1/customers}: the Finora dialect's customer endpoints (docs/specification.md, the Invoices reference). */
@Path("/v1/customers")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@CustomSerialization(FinoraJson.Writer.class)
@CustomDeserialization(FinoraJson.Reader.class)
public class FinoraCustomerResource {

    private final CustomerService customers;
    private final SecurityIdentity identity;

    public FinoraCustomerResource(CustomerService customers, SecurityIdentity identity) {
        this.customers = customers;
        this.identity = identity;
    }

    /**
     * Resolves a shopper to a customer: the live customer with this email (200), else a new one (201). The business
     * is the caller's tenant, named in {@code businessId} (query or body); any other business is 404.
     */
    @POST
    @Path("/find-or-create")
    @RolesAllowed(Scope.CUSTOMERS_WRITE)
    public Uni<RestResponse<FinoraResponse<FinoraCustomer>>> findOrCreate(@RestQuery String businessId,
            @Valid @NotNull FindOrCreateRequest request, RoutingContext routing) {
        Caller caller = FinoraBusiness.require(Caller.of(identity), businessId != null ? businessId : request.businessId());
        return customers.findOrCreate(caller, request.toNewCustomer())
                .map(resolved -> RestResponse.status(resolved.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK,
                        FinoraResponse.of(FinoraCustomer.of(resolved.customer()), routing)));
    }
}
