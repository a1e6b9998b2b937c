package ng.risiti.customer.verifications.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ng.risiti.customer.verifications.domain.ProviderAnswer;
import ng.risiti.customer.verifications.domain.VerificationType;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks the provider of a number's type: NRS (through nrs-gateway-service) for a TIN, the NIN provider for a NIN. "Not
 * registered" is an answer; a provider that does not answer is 503 and nothing is kept or charged.
 */
@ApplicationScoped
public class IdentityProviders {

    private static final Logger LOG = Logger.getLogger(IdentityProviders.class);

    private final NrsGatewayClient nrs;
    private final NinProviderClient nin;

    public IdentityProviders(@RestClient NrsGatewayClient nrs, @RestClient NinProviderClient nin) {
        this.nrs = nrs;
        this.nin = nin;
    }

    public Uni<ProviderAnswer> ask(VerificationType type, String number) {
        return switch (type) {
            case TIN -> nrs.verifyTin(new NrsGatewayClient.TinQuestion(number))
                    .map(answer -> new ProviderAnswer(answer.registered(), answer.taxpayerName()))
                    .onFailure().transform(failure -> failed(type, number, failure));
            case NIN -> nin.lookup(number)
                    .map(found -> new ProviderAnswer(true, name(found.path("first_name").asText(null), found.path("last_name").asText(null))))
                    .onFailure(failure -> status(failure) == 404).recoverWithItem(new ProviderAnswer(false, null))
                    .onFailure().transform(failure -> failed(type, number, failure));
        };
    }

    private static RuntimeException failed(VerificationType type, String number, Throwable failure) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (status(failure) == 400) {
            return ApiException.validation("number", "the provider does not accept this " + type.wireName().toUpperCase() + ": " + number);
        }
        LOG.warnf("%s verification provider failed: %s", type.wireName().toUpperCase(), failure.toString());
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                type.wireName().toUpperCase() + " verification is unavailable right now; nothing was charged. Retry shortly.");
    }

    private static int status(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse() != null ? web.getResponse().getStatus() : -1;
    }

    private static String name(String first, String last) {
        String joined = Stream.of(first, last).filter(Objects::nonNull).collect(Collectors.joining(" "));
        return joined.isBlank() ? null : joined;
    }
}
