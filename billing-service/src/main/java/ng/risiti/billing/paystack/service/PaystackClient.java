package ng.risiti.billing.paystack.service;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import ng.risiti.billing.paystack.config.PaystackConfig;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import org.jboss.logging.Logger;

/**
 * Starts Paystack transactions. Test-mode callers reach the test account (sandbox) only. Paystack being away or
 * refusing is never the caller's fault: 503, and nothing is stored, so the same request can simply be sent again.
 */
@ApplicationScoped
public class PaystackClient {

    private static final Logger LOG = Logger.getLogger(PaystackClient.class);

    private final PaystackConfig config;
    private final PaystackApi live;
    private final PaystackApi test;

    public PaystackClient(PaystackConfig config) {
        this.config = config;
        this.live = client(config.url());
        this.test = config.testUrl().map(this::client).orElse(live);
    }

    /** The checkout Paystack created for {@code reference}. */
    public Uni<PaystackApi.Authorization> initialize(boolean testMode, String reference, String email, long amountKobo,
            Map<String, Object> metadata) {
        PaystackApi api = testMode ? test : live;
        PaystackApi.Initialize request = new PaystackApi.Initialize(email, amountKobo, "NGN", reference, config.callbackUrl().orElse(null),
                metadata);
        return api.initialize("Bearer " + secretKey(testMode), request)
                .onFailure().transform(failure -> {
                    String why = failure instanceof WebApplicationException web ? "HTTP " + web.getResponse().getStatus() : failure.toString();
                    LOG.warnf("Paystack refused or did not answer transaction/initialize for %s: %s", reference, why);
                    return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Paystack is unavailable; nothing was charged. Try again shortly.");
                })
                .map(answer -> {
                    if (answer == null || !answer.status() || answer.data() == null || answer.data().authorizationUrl() == null) {
                        throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Paystack did not start the payment; nothing was charged. Try again shortly.");
                    }
                    return answer.data();
                });
    }

    /** The key a world's calls carry and its webhooks are signed with. */
    public String secretKey(boolean testMode) {
        return testMode ? config.testSecretKey().orElse(config.secretKey()) : config.secretKey();
    }

    private PaystackApi client(String url) {
        return QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(url))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(PaystackApi.class);
    }
}
