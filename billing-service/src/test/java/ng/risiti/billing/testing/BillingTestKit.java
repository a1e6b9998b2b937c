package ng.risiti.billing.testing;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.security.Scope;
import ng.risiti.testsupport.TestEvents;
import ng.risiti.testsupport.TestIdentity;
import org.eclipse.microprofile.config.ConfigProvider;

/** What billing's tests share: a tenant's owner, the Paystack sandbox's controls, Paystack's signature. */
public final class BillingTestKit {

    private BillingTestKit() {
    }

    /** A tenant with an owner's token (every scope). */
    public record Tenant(UUID id, String token) {

        /**
         * A tenant auth-service registered on Free: its {@code tenant.created} goes out at version 0, so a test that
         * announces another plan afterwards (a later version) overrides it. Billing charges metered calls only for a
         * tenant it has heard of.
         */
        public static Tenant fresh() {
            UUID id = UUID.randomUUID();
            TestEvents.publish(Topics.TENANTS, id.toString(), UUID.randomUUID().toString(), EventTypes.TENANT_CREATED, id, 0L,
                    "{\"tenant_id\":\"" + id + "\",\"name\":\"Test Tenant Ltd\",\"plan_slug\":\"free\"}");
            return new Tenant(id, TestIdentity.token(id, UUID.randomUUID(), "owner", Scope.ALL));
        }

        public RequestSpecification as() {
            return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
        }
    }

    public static String sandboxUrl() {
        return ConfigProvider.getConfig().getValue("risiti.paystack.url", String.class);
    }

    /** The sandbox standing in for Paystack's test account, where test-mode ({@code rs_test_}) checkouts and renewals go. */
    public static String testWorldSandboxUrl() {
        return ConfigProvider.getConfig().getValue("risiti.paystack.test-url", String.class);
    }

    /** Points both sandboxes' webhooks at this test's Quarkus (its port is known only once it runs). */
    public static void pointWebhooksHere() {
        for (String sandbox : List.of(sandboxUrl(), testWorldSandboxUrl())) {
            given().contentType(ContentType.JSON).body("{\"url\":\"http://127.0.0.1:" + RestAssured.port + "/api/v1/webhooks/paystack\"}")
                    .post(sandbox + "/__sandbox/webhook-url").then().statusCode(200);
        }
    }

    /** Opens the hosted checkout as the payer's browser would (without following the redirect). */
    public static Response openCheckout(String authorizationUrl) {
        return given().redirects().follow(false).get(authorizationUrl);
    }

    /** Has the sandbox send an event about a transaction now; answers the delivery (status the receiver gave, body, signature). */
    public static Response sandboxEvent(String event, String reference) {
        return sandboxEvent(sandboxUrl(), event, reference);
    }

    /** The same, from the sandbox at {@code sandbox} ({@link #testWorldSandboxUrl()} for test-mode transactions). */
    public static Response sandboxEvent(String sandbox, String event, String reference) {
        return given().contentType(ContentType.JSON).body("{\"event\":\"" + event + "\",\"reference\":\"" + reference + "\"}")
                .post(sandbox + "/__sandbox/events");
    }

    public static void sandboxFault(int count, int status, String pathPrefix) {
        given().contentType(ContentType.JSON).body("{\"count\":" + count + ",\"status\":" + status + ",\"path_prefix\":\"" + pathPrefix + "\"}")
                .post(sandboxUrl() + "/__sandbox/faults").then().statusCode(200);
    }

    /** Paystack's {@code x-paystack-signature}: hex HMAC-SHA512 of the body with the secret key. */
    public static String sign(String body) {
        return sign(PaystackSandboxResource.SECRET_KEY, body);
    }

    /** The same with another account's key ({@link PaystackSandboxResource#TEST_WORLD_SECRET_KEY}: the test account). */
    public static String sign(String secretKey, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** POSTs a webhook body as Paystack would, signed with {@code signature} (null: no header). */
    public static Response webhook(String body, String signature) {
        RequestSpecification request = given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("x-paystack-signature", signature);
        }
        return request.post("/api/v1/webhooks/paystack");
    }

    /** An {@code api_calls.metered} body: {@code count} calls of a fresh key this minute, as a replica's flush writes it. */
    public static String metered(UUID tenantId, boolean test, long count) {
        return "{\"tenant_id\":\"" + tenantId + "\",\"test_mode\":" + test + ",\"key_id\":\"" + UUID.randomUUID() + "\",\"minute\":\""
                + Instant.now().truncatedTo(ChronoUnit.MINUTES) + "\",\"count\":" + count + ",\"service\":\"test\",\"replica\":\"r1\"}";
    }

    public static List<String> scopesExcept(String scope) {
        return Scope.ALL.stream().filter(s -> !s.equals(scope)).toList();
    }
}
