package ng.risiti.billing.paystack.service;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * The Paystack calls we make (Bearer secret key): {@code POST /transaction/initialize}, {@code POST
 * /transaction/charge_authorization} (renewals) and {@code GET /transaction/verify/{reference}}. Built per world by
 * {@link PaystackClient}.
 */
@Path("/transaction")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface PaystackApi {

    @POST
    @Path("/initialize")
    Uni<Initialized> initialize(@HeaderParam("Authorization") String authorization, Initialize request);

    @POST
    @Path("/charge_authorization")
    Uni<Charged> chargeAuthorization(@HeaderParam("Authorization") String authorization, ChargeAuthorization request);

    @GET
    @Path("/verify/{reference}")
    Uni<Charged> verify(@HeaderParam("Authorization") String authorization, @PathParam("reference") String reference);

    /** Amount in kobo; {@code metadata} comes back on the transaction's webhooks. */
    @RegisterForReflection
    record Initialize(String email, long amount, String currency, String reference, String callbackUrl, Map<String, Object> metadata) {
    }

    /** Charges a card a payment saved, under our reference (Paystack refuses a reference it has seen). */
    @RegisterForReflection
    record ChargeAuthorization(String authorizationCode, String email, long amount, String currency, String reference,
            Map<String, Object> metadata) {
    }

    /** Paystack's answer about one transaction: {@code data.status} success, failed, abandoned, ... */
    @RegisterForReflection
    record Charged(boolean status, String message, Transaction data) {
    }

    @RegisterForReflection
    record Transaction(String status, String reference, long amount, String currency, String gatewayResponse, String channel,
            String paidAt) {
    }

    @RegisterForReflection
    record Initialized(boolean status, String message, Authorization data) {
    }

    @RegisterForReflection
    record Authorization(String authorizationUrl, String accessCode, String reference) {
    }
}
