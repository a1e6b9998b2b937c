package ng.risiti.billing.paystack.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ng.risiti.billing.paystack.domain.Checkout;
import ng.risiti.billing.paystack.repository.CheckoutRepository;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.persistence.SessionSql;
import ng.risiti.platform.time.Clocks;
import org.jboss.logging.Logger;

/**
 * Takes Paystack's webhooks ({@code POST /api/v1/webhooks/paystack}). An event counts only if
 * {@code x-paystack-signature} is the HMAC-SHA512 of the exact body with our secret key; each event (type + Paystack's
 * id) has one effect however often it arrives, also twice at once (its row in {@code paystack_events} is taken in the
 * effect's transaction, and a second insert waits for the first to commit, then finds it). A {@code charge.success}
 * applies only to a pending checkout of ours and only for its exact amount in NGN.
 */
@ApplicationScoped
public class PaystackWebhooks {

    /** What the receiver answers: {@code duplicate} when the event had been taken before. */
    public record Receipt(String event, String outcome, boolean duplicate) {
    }

    private static final Logger LOG = Logger.getLogger(PaystackWebhooks.class);

    private final PaystackClient paystack;
    private final CheckoutRepository checkouts;
    private final Map<String, PaidCheckouts> purposes;
    private final SubscriptionNotices subscriptions;
    private final ObjectMapper json;
    private final Clock clock;

    public PaystackWebhooks(PaystackClient paystack, CheckoutRepository checkouts, Instance<PaidCheckouts> purposes,
            SubscriptionNotices subscriptions, ObjectMapper json, Clock clock) {
        this.paystack = paystack;
        this.checkouts = checkouts;
        this.purposes = purposes.stream().collect(Collectors.toMap(PaidCheckouts::purpose, Function.identity()));
        this.subscriptions = subscriptions;
        this.json = json;
        this.clock = clock;
    }

    public Uni<Receipt> receive(byte[] body, String signature) {
        Boolean signedTest = signer(body, signature);
        if (signedTest == null) {
            return Uni.createFrom().failure(ApiException.unauthorized("x-paystack-signature is missing or does not match the body."));
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            return Uni.createFrom().failure(ApiException.validation("body", "body is not JSON"));
        }
        String event = text(root, "event");
        JsonNode data = root == null ? null : root.get("data");
        if (event == null || data == null || !data.isObject()) {
            return Uni.createFrom().failure(ApiException.validation("event", "a Paystack event has an event name and a data object"));
        }
        // Paystack's ids are per account: the test account's charge 1 is not the live account's charge 1
        String key = (signedTest ? "test:" : "") + event + ":" + firstOf(text(data, "id"), text(data, "reference"), text(data, "invoice_code"),
                text(data.path("subscription"), "subscription_code"), text(data, "subscription_code"));
        OffsetDateTime now = Clocks.now(clock);
        return Panache.withTransaction(() -> SessionSql.rows("""
                        insert into paystack_events (event_key, event, reference, outcome, received_at) values ($1, $2, $3, 'received', $4)
                        on conflict (event_key) do nothing returning event_key""", key, event, text(data, "reference"), now)
                .flatMap(taken -> {
                    if (taken.isEmpty()) {
                        return Uni.createFrom().item(new Receipt(event, "duplicate", true));
                    }
                    return apply(event, data, signedTest)
                            .call(outcome -> SessionSql.update("update paystack_events set outcome = $2 where event_key = $1", key, outcome))
                            .map(outcome -> new Receipt(event, outcome, false));
                }))
                .invoke(receipt -> LOG.infof("Paystack %s (%s): %s", event, key, receipt.outcome()));
    }

    private Uni<String> apply(String event, JsonNode data, boolean signedTest) {
        return switch (event) {
            case "charge.success" -> chargeSucceeded(data, signedTest);
            case "invoice.payment_failed" -> subscriptions.paymentFailed(renewal(data));
            case "subscription.create" -> subscriptions.created(renewal(data));
            default -> Uni.createFrom().item("ignored");
        };
    }

    private Uni<String> chargeSucceeded(JsonNode data, boolean signedTest) {
        String reference = text(data, "reference");
        if (reference == null) {
            return Uni.createFrom().item("no_reference");
        }
        return checkouts.lock(reference).flatMap(checkout -> {
            if (checkout == null) {
                return Uni.createFrom().item("unknown_reference"); // not ours (or another product's on the same account)
            }
            if (!checkout.pending()) {
                return Uni.createFrom().item("already_" + checkout.status);
            }
            if (differentKeys() && checkout.testMode != signedTest) {
                return Uni.createFrom().item("wrong_world"); // a test-key event never pays for a live checkout
            }
            String purpose = text(data.path("metadata"), "risiti_purpose");
            if (purpose != null && !purpose.equals(checkout.purpose)) {
                return Uni.createFrom().item("purpose_mismatch");
            }
            long amount = data.path("amount").asLong(-1);
            String currency = text(data, "currency");
            if (!"success".equals(text(data, "status")) || amount != checkout.amountKobo || !"NGN".equals(currency)) {
                checkout.status = Checkout.AMOUNT_MISMATCH;
                checkout.failureReason = "Paystack reported " + currency + " " + amount + " kobo (" + text(data, "status") + "); the checkout is for NGN "
                        + checkout.amountKobo + " kobo";
                LOG.warnf("Paystack charge %s does not match its checkout: %s", reference, checkout.failureReason);
                return Uni.createFrom().item(Checkout.AMOUNT_MISMATCH);
            }
            PaidCheckouts handler = purposes.get(checkout.purpose);
            if (handler == null) {
                return Uni.createFrom().failure(new IllegalStateException("no handler for checkout purpose " + checkout.purpose));
            }
            OffsetDateTime paidAt = time(text(data, "paid_at"));
            checkout.status = Checkout.PAID;
            checkout.paidAt = paidAt;
            PaidCheckouts.Charge charge = new PaidCheckouts.Charge(data.path("id").asLong(), reference, amount, paidAt,
                    text(data.path("customer"), "customer_code"), text(data.path("authorization"), "authorization_code"));
            return handler.paid(checkout, charge).replaceWith("applied");
        });
    }

    private static SubscriptionNotices.Renewal renewal(JsonNode data) {
        String subscriptionCode = firstOf(text(data.path("subscription"), "subscription_code"), text(data, "subscription_code"));
        return new SubscriptionNotices.Renewal(subscriptionCode, text(data.path("authorization"), "authorization_code"),
                text(data.path("customer"), "customer_code"), data.path("amount").asLong());
    }

    /** Which world's key signed the body (true: test), or null if neither did. */
    private Boolean signer(byte[] body, String signature) {
        if (signature == null || signature.isBlank()) {
            return null;
        }
        byte[] given = signature.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII);
        if (MessageDigest.isEqual(given, hmac(paystack.secretKey(false), body))) {
            return false;
        }
        if (differentKeys() && MessageDigest.isEqual(given, hmac(paystack.secretKey(true), body))) {
            return true;
        }
        return null;
    }

    private boolean differentKeys() {
        return !paystack.secretKey(false).equals(paystack.secretKey(true));
    }

    private static byte[] hmac(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA512 unavailable", e);
        }
    }

    private OffsetDateTime time(String value) {
        if (value != null) {
            try {
                return OffsetDateTime.parse(value).withOffsetSameInstant(java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            } catch (DateTimeParseException ignored) {
                // Paystack's own format; if it ever differs, the time we learnt of it will do
            }
        }
        return Clocks.now(clock);
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() || value.asText().isBlank() ? null : value.asText();
    }

    private static String firstOf(String... values) {
        return java.util.Arrays.stream(values).filter(java.util.Objects::nonNull).findFirst().orElse("?");
    }
}
