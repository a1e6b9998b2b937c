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
            Map<String, Object> metadata, String callbackUrl) {
        PaystackApi api = testMode ? test : live;
        PaystackApi.Initialize request = new PaystackApi.Initialize(email, amountKobo, "NGN", reference,
                callbackUrl != null ? callbackUrl : config.callbackUrl().orElse(null), metadata);
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

    /** How a charge of a saved card ended: charged, declined (with the bank's words), or unknown (Paystack did not answer). */
    public record ChargeOutcome(Kind kind, String reference, long amountKobo, String reason) {

        public enum Kind { CHARGED, DECLINED, UNKNOWN }
    }

    /**
     * Charges a saved card under {@code reference}. Paystack refuses a reference it has seen: then the charge an
     * earlier attempt made (before a crash) is looked up instead of made again. Never fails: an outage is UNKNOWN.
     */
    public Uni<ChargeOutcome> chargeAuthorization(boolean testMode, String reference, String authorizationCode, String email, long amountKobo,
            Map<String, Object> metadata) {
        PaystackApi api = testMode ? test : live;
        String bearer = "Bearer " + secretKey(testMode);
        return api.chargeAuthorization(bearer, new PaystackApi.ChargeAuthorization(authorizationCode, email, amountKobo, "NGN", reference, metadata))
                .map(answer -> outcome(reference, answer))
                .onFailure(PaystackClient::refused).recoverWithUni(() -> api.verify(bearer, reference).map(answer -> outcome(reference, answer))
                        // the reference is unknown to Paystack: it refused the charge itself (a card it no longer accepts)
                        .onFailure(PaystackClient::refused).recoverWithItem(() -> new ChargeOutcome(ChargeOutcome.Kind.DECLINED, reference,
                                amountKobo, "Paystack refused to charge the saved card")))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Paystack did not settle charge %s: %s", reference, failure.toString());
                    return new ChargeOutcome(ChargeOutcome.Kind.UNKNOWN, reference, amountKobo, failure.getMessage());
                });
    }

    private static ChargeOutcome outcome(String reference, PaystackApi.Charged answer) {
        PaystackApi.Transaction t = answer == null ? null : answer.data();
        if (t == null || t.status() == null) {
            return new ChargeOutcome(ChargeOutcome.Kind.UNKNOWN, reference, 0, answer == null ? "no answer" : answer.message());
        }
        return switch (t.status()) {
            case "success" -> new ChargeOutcome(ChargeOutcome.Kind.CHARGED, reference, t.amount(), null);
            case "failed", "reversed" -> new ChargeOutcome(ChargeOutcome.Kind.DECLINED, reference, t.amount(),
                    t.gatewayResponse() == null ? "declined" : t.gatewayResponse());
            default -> new ChargeOutcome(ChargeOutcome.Kind.UNKNOWN, reference, t.amount(), t.status()); // still pending at the bank
        };
    }

    /** Paystack's 400: a reference it has seen (our earlier attempt reached it), or a charge it will not make. */
    private static boolean refused(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 400;
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
