package ng.risiti.auth.mfa.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ng.risiti.testsupport.GreenMailResource;
import ng.risiti.auth.TestAccounts;
import ng.risiti.auth.account.domain.User;
import ng.risiti.auth.account.repository.UserRepository;
import ng.risiti.auth.mfa.repository.MfaChallengeRepository;
import ng.risiti.auth.mfa.service.QrCodePngTests;
import ng.risiti.testsupport.RisitiTestResources;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(GreenMailResource.class)
public class MfaResourceTests {

    @Inject
    UserRepository users;
    @Inject
    MfaChallengeRepository challenges;

    /** An account with MFA enrolled: its base32 secret, backup codes, and the last TOTP step used. */
    public record Enrolled(TestAccounts.Account account, String secret, List<String> backupCodes, long lastStep) {
    }

    @Test
    void setupReturnsSecretQrAndBackupCodesAndStoresNoPlaintext() throws Throwable {
        TestAccounts.Account account = TestAccounts.register();
        Map<String, Object> setup = given().auth().oauth2(account.accessToken())
                .when().post("/api/v1/auth/mfa/setup")
                .then().statusCode(200)
                .body("data.secret", matchesPattern("[A-Z2-7]{32}"))
                .body("data.qr_code", startsWith("data:image/png;base64,"))
                .body("data.backup_codes", hasSize(8))
                .body("data.backup_codes", org.hamcrest.Matchers.everyItem(matchesPattern("[0-9a-f]{4}-[0-9a-f]{4}")))
                .extract().path("data");
        String secret = (String) setup.get("secret");
        String qr = (String) setup.get("qr_code");
        String otpauth = QrCodePngTests.decode(Base64.getDecoder().decode(qr.substring("data:image/png;base64,".length())));
        assertThat(otpauth).startsWith("otpauth://totp/Risiti:").contains("secret=" + secret).contains("issuer=Risiti")
                .contains(account.email().replace("@", "%40"));
        assertThat(setup.get("otpauth_uri")).isEqualTo(otpauth);

        User stored = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> users.findById(UUID.fromString(account.userId()))));
        assertThat(stored.mfaEnabled).isFalse();
        assertThat(stored.mfaPendingSecret).isNotNull();
        assertThat(new String(stored.mfaPendingSecret, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(indexOf(stored.mfaPendingSecret, base32Decode(secret))).isEqualTo(-1);
    }

    @Test
    void enrollmentNeedsAValidCodeThenLoginNeedsTheSecondFactor() {
        TestAccounts.Account account = TestAccounts.register();
        Map<String, Object> setup = setup(account);
        String secret = (String) setup.get("secret");
        long now = step();

        verifyEnrollment(account, wrong(totp(secret, now))).then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo("code"));
        verifyEnrollment(account, totp(secret, now - 5)).then().statusCode(400);
        given().auth().oauth2(account.accessToken()).get("/api/v1/auth/me").then().body("data.mfa_enabled", equalTo(false));

        verifyEnrollment(account, totp(secret, now)).then().statusCode(200).body("data.verified", equalTo(true))
                .body("data", not(hasKey("access_token")));
        given().auth().oauth2(account.accessToken()).get("/api/v1/auth/me").then().statusCode(200).body("data.mfa_enabled", equalTo(true));
        // once enabled, setup is refused
        given().auth().oauth2(account.accessToken()).post("/api/v1/auth/mfa/setup")
                .then().statusCode(409).body("error.code", equalTo("CONFLICT"));

        // login now answers with a challenge and no session
        ExtractableResponse<Response> login = loginRaw(account.email())
                .then().statusCode(200)
                .body("data.mfa_required", equalTo(true))
                .body("data.mfa_token", notNullValue())
                .body("data", not(hasKey("access_token")))
                .header("Set-Cookie", equalTo(null))
                .extract();
        String mfaToken = login.path("data.mfa_token");

        // the code used for enrollment cannot be replayed
        challenge(mfaToken, totp(secret, now)).then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        challenge(mfaToken, "000000".equals(totp(secret, now + 1)) ? "111111" : "000000").then().statusCode(401);
        ExtractableResponse<Response> completed = challenge(mfaToken, totp(secret, now + 1))
                .then().statusCode(200)
                .body("data.verified", equalTo(true))
                .body("data.access_token", notNullValue())
                .extract();
        assertThat(completed.header("Set-Cookie")).startsWith("refresh_token=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        given().auth().oauth2(completed.<String>path("data.access_token")).get("/api/v1/auth/me")
                .then().statusCode(200).body("data.id", equalTo(account.userId()));
        given().cookie("refresh_token", completed.cookie("refresh_token")).post("/api/v1/auth/refresh").then().statusCode(200);

        // single use
        challenge(mfaToken, totp(secret, now + 1)).then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void backupCodesWorkOnceEach() {
        Enrolled enrolled = enroll();
        String code = enrolled.backupCodes().get(0);
        challenge(mfaToken(enrolled), code.toUpperCase()).then().statusCode(200).body("data.access_token", notNullValue());
        challenge(mfaToken(enrolled), code).then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        challenge(mfaToken(enrolled), "dead-beef").then().statusCode(401);
        challenge(mfaToken(enrolled), enrolled.backupCodes().get(1)).then().statusCode(200);
    }

    @Test
    void challengesExpireAndBurnAfterTooManyWrongCodes() throws Throwable {
        Enrolled enrolled = enroll();
        String token = mfaToken(enrolled);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                challenges.update("expiresAt = ?1 where tokenHash = ?2", java.time.OffsetDateTime.now().minusSeconds(1),
                        ng.risiti.platform.security.Credentials.hash(token))));
        challenge(token, enrolled.backupCodes().get(0)).then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));

        String burned = mfaToken(enrolled);
        for (int i = 0; i < 5; i++) {
            challenge(burned, "0000-0000").then().statusCode(401);
        }
        challenge(burned, enrolled.backupCodes().get(0)).then().statusCode(401);
        // the backup code was not spent by the refused attempt
        challenge(mfaToken(enrolled), enrolled.backupCodes().get(0)).then().statusCode(200);
    }

    @Test
    void documentedErrors() {
        // no JWT and no mfa_token
        given().contentType(ContentType.JSON).body(Map.of("code", "123456")).post("/api/v1/auth/mfa/verify")
                .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().post("/api/v1/auth/mfa/setup").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        // missing code
        TestAccounts.Account account = TestAccounts.register();
        given().auth().oauth2(account.accessToken()).contentType(ContentType.JSON).body("{}").post("/api/v1/auth/mfa/verify")
                .then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo("code"));
        // verify before setup
        verifyEnrollment(account, "123456").then().statusCode(422).body("error.code", equalTo("UNPROCESSABLE"));
        // unknown mfa_token
        challenge("not-a-token", "123456").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        // API keys cannot enroll
        String key = (String) TestAccounts.createKey(account, List.of("admin")).get("key");
        given().header("x-api-key", key).post("/api/v1/auth/mfa/setup").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        given().header("x-api-key", key).contentType(ContentType.JSON).body(Map.of("code", "123456")).post("/api/v1/auth/mfa/verify")
                .then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
    }

    // --- helpers (shared with the log test) -------------------------------------------------------------------------

    public static Enrolled enroll() {
        TestAccounts.Account account = TestAccounts.register();
        Map<String, Object> setup = setup(account);
        String secret = (String) setup.get("secret");
        long now = step();
        verifyEnrollment(account, totp(secret, now)).then().statusCode(200);
        @SuppressWarnings("unchecked")
        List<String> codes = (List<String>) setup.get("backup_codes");
        return new Enrolled(account, secret, codes, now);
    }

    public static Map<String, Object> setup(TestAccounts.Account account) {
        return given().auth().oauth2(account.accessToken()).post("/api/v1/auth/mfa/setup").then().statusCode(200).extract().path("data");
    }

    public static String mfaToken(Enrolled enrolled) {
        return loginRaw(enrolled.account().email()).then().statusCode(200).body("data.mfa_required", equalTo(true))
                .extract().path("data.mfa_token");
    }

    public static Response verifyEnrollment(TestAccounts.Account account, String code) {
        return given().auth().oauth2(account.accessToken()).contentType(ContentType.JSON).body(Map.of("code", code))
                .post("/api/v1/auth/mfa/verify");
    }

    public static Response challenge(String mfaToken, String code) {
        return given().contentType(ContentType.JSON).body(Map.of("code", code, "mfa_token", mfaToken)).post("/api/v1/auth/mfa/verify");
    }

    private static Response loginRaw(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", TestAccounts.PASSWORD))
                .post("/api/v1/auth/login");
    }

    public static long step() {
        return Instant.now().getEpochSecond() / 30;
    }

    /** RFC 6238 computed here, independently of the service's implementation. */
    public static String totp(String base32Secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(base32Decode(base32Secret), "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[19] & 0xf;
            int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format("%06d", bin % 1_000_000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] base32Decode(String s) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : s.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    private static String wrong(String code) {
        return code.equals("123456") ? "654321" : "123456";
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
