package ng.risiti.auth.token.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ng.risiti.testsupport.GreenMailResource;
import ng.risiti.auth.TestAccounts;
import ng.risiti.auth.token.repository.SigningKeyRepository;
import ng.risiti.platform.security.InternalEndpoints;
import ng.risiti.testsupport.RisitiTestResources;
import org.awaitility.Awaitility;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rotation publishes the next key ahead of use: {@code %test.risiti.auth.token.key-publication-lead} is 3 s (the JWKS
 * max-age 1 s). The tests play the replicas' scheduled key refresh themselves ({@link SigningKeys#refreshAndRotateWhenDue}).
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(GreenMailResource.class)
class SigningKeyRotationTests {

    @Inject
    SigningKeys signingKeys;

    @Inject
    SigningKeyRepository repository;

    /** Each test starts from one active key and none pending, whatever ran before. */
    @BeforeEach
    void activateAnyPendingKey() throws Throwable {
        sql("update signing_keys set activates_at = now() where not active and retired_at is null");
        refresh();
        assertThat(pendingKeys()).isZero();
        assertThat(activeKeys()).isEqualTo(1L);
    }

    /** A database dump alone must not let anyone sign tokens: the private key is stored AES-GCM encrypted. */
    @Test
    void privateKeysAreEncryptedAtRest() throws Exception {
        String kid = signingKeys.active().kid();
        byte[] stored;
        try (var connection = RisitiTestResources.postgres().connect(RisitiTestResources.databaseName("auth"));
                var prepared = connection.prepareStatement("select private_key from signing_keys where kid = ?")) {
            prepared.setString(1, kid);
            try (var rows = prepared.executeQuery()) {
                assertThat(rows.next()).isTrue();
                stored = rows.getBytes(1);
            }
        }
        assertThat(stored[0]).as("a PKCS#8 key would start with a DER sequence (0x30)").isNotEqualTo((byte) 0x30);
        byte[] row = stored;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> java.security.KeyFactory.getInstance("RSA")
                .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(row))).isInstanceOf(java.security.GeneralSecurityException.class);
        // and the service still signs with it
        assertThat(kid(TestAccounts.register().accessToken())).isEqualTo(kid);
    }

    @Test
    void rotationPublishesTheNewKeyBeforeItSignsThenDropsTheRetiredOne() throws Throwable {
        TestAccounts.Account owner = TestAccounts.register();
        String oldToken = owner.accessToken();
        String oldKid = kid(oldToken);
        assertThat(oldKid).isEqualTo(signingKeys.active().kid());

        Map<String, Object> rotated = given().header(InternalEndpoints.SERVICE_TOKEN_HEADER, RisitiTestResources.serviceToken()).when().post("/internal/signing-keys/rotate")
                .then().statusCode(200)
                .body("retired_kid", nullValue())
                .body("retired_at", nullValue())
                .extract().jsonPath().getMap("");
        String newKid = (String) rotated.get("kid");
        OffsetDateTime activatesAt = OffsetDateTime.parse((String) rotated.get("activates_at"));
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(activatesAt).isAfter(OffsetDateTime.now());

        // published at once, signing nothing yet: a key refresh before the lead has passed keeps the old key
        refresh();
        assertThat(signingKeys.active().kid()).isEqualTo(oldKid);
        assertThat(jwksKids()).contains(oldKid, newKid);
        assertThat(kid(TestAccounts.login(owner.email()))).isEqualTo(oldKid);
        assertThat(activeKeys()).isEqualTo(1L);
        assertThat(pendingKeys()).isEqualTo(1L);

        // once the lead has passed, the next key refresh activates it and retires the old key
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            refresh();
            assertThat(signingKeys.active().kid()).isEqualTo(newKid);
        });
        assertThat(OffsetDateTime.now()).isAfterOrEqualTo(activatesAt);
        assertThat(activeKeys()).isEqualTo(1L);
        assertThat(pendingKeys()).isZero();
        assertThat(count("select count(*) from signing_keys where kid = '" + oldKid + "' and not active and retired_at is not null"))
                .isEqualTo(1L);

        // new tokens name the new key; both keys stay published, so old and new tokens verify
        String newToken = TestAccounts.login(owner.email());
        assertThat(kid(newToken)).isEqualTo(newKid);
        String jwks = given().when().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
        assertThat(io.restassured.path.json.JsonPath.from(jwks).<String>getList("keys.kid")).contains(oldKid, newKid);
        assertThat(consumer(jwks).processToClaims(newToken).getSubject()).isEqualTo(owner.userId());
        assertThat(consumer(jwks).processToClaims(oldToken).getSubject()).isEqualTo(owner.userId());
        // the verifier had the key before its first token: no 401 window to wait out
        given().auth().oauth2(newToken).when().get("/api/v1/auth/me").then().statusCode(200).body("data.id", equalTo(owner.userId()));
        given().auth().oauth2(oldToken).when().get("/api/v1/auth/me").then().statusCode(200).body("data.id", equalTo(owner.userId()));

        // once the publication window has passed, the old key leaves the JWKS and its tokens are refused
        sql("update signing_keys set retired_at = now() - interval '2 hours' where kid = '" + oldKid + "'");
        assertThat(jwksKids()).contains(newKid).doesNotContain(oldKid);
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(oldToken).when().get("/api/v1/auth/me")
                        .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED")));
        String jwksAfter = given().when().get("/.well-known/jwks.json").then().extract().asString();
        org.junit.jupiter.api.Assertions.assertThrows(InvalidJwtException.class, () -> consumer(jwksAfter).processToClaims(oldToken));
        given().auth().oauth2(newToken).when().get("/api/v1/auth/me").then().statusCode(200);
    }

    @Test
    void racingReplicasPublishThenActivateADueKeyOnce() throws Throwable {
        String before = signingKeys.active().kid();
        // not due yet: nothing happens
        refresh();
        assertThat(signingKeys.active().kid()).isEqualTo(before);
        assertThat(pendingKeys()).isZero();

        sql("update signing_keys set created_at = now() - interval '31 days', activates_at = now() - interval '31 days'"
                + " where kid = '" + before + "'");
        long keysBefore = count("select count(*) from signing_keys");
        race(4, this::refresh);
        // one next key, published but not signing
        assertThat(count("select count(*) from signing_keys")).isEqualTo(keysBefore + 1);
        assertThat(activeKeys()).isEqualTo(1L);
        assertThat(pendingKeys()).isEqualTo(1L);
        String next = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(repository::findPending)).kid;
        assertThat(signingKeys.active().kid()).isEqualTo(before);
        assertThat(jwksKids()).contains(before, next);

        // past the lead, racing refreshes activate it once
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() ->
                count("select count(*) from signing_keys where not active and retired_at is null and activates_at < now()") == 1);
        race(4, this::refresh);
        assertThat(count("select count(*) from signing_keys")).isEqualTo(keysBefore + 1);
        assertThat(activeKeys()).isEqualTo(1L);
        assertThat(pendingKeys()).isZero();
        assertThat(signingKeys.active().kid()).isEqualTo(next);
        assertThat(count("select count(*) from signing_keys where kid = '" + before + "' and not active and retired_at is not null"))
                .isEqualTo(1L);
        TestAccounts.Account account = TestAccounts.register();
        assertThat(kid(account.accessToken())).isEqualTo(next);
    }

    @Test
    void racingOperatorRotationsAgreeOnOneNextKeyAndImmediateOnesOnOneActiveKey() throws Throwable {
        String current = signingKeys.active().kid();
        long keysBefore = count("select count(*) from signing_keys");
        List<Map<String, Object>> published = race(3, () -> given().header(InternalEndpoints.SERVICE_TOKEN_HEADER, RisitiTestResources.serviceToken()).when().post("/internal/signing-keys/rotate")
                .then().statusCode(200).extract().jsonPath().getMap(""));
        String next = (String) published.get(0).get("kid");
        assertThat(published).allSatisfy(rotation -> {
            assertThat(rotation).containsEntry("kid", next).containsEntry("activates_at", published.get(0).get("activates_at"));
            assertThat(rotation.get("retired_kid")).isNull();
        });
        assertThat(next).isNotEqualTo(current);
        assertThat(count("select count(*) from signing_keys")).isEqualTo(keysBefore + 1);
        assertThat(activeKeys()).isEqualTo(1L);
        assertThat(pendingKeys()).isEqualTo(1L);
        assertThat(signingKeys.active().kid()).isEqualTo(current);

        // a leaked key: a new key signs at once; the active key and the pending one retire
        List<Map<String, Object>> immediate = race(3, () -> given().header(InternalEndpoints.SERVICE_TOKEN_HEADER, RisitiTestResources.serviceToken()).queryParam("immediate", true)
                .when().post("/internal/signing-keys/rotate").then().statusCode(200).extract().jsonPath().getMap(""));
        List<Object> retiredKids = new ArrayList<>();
        for (Map<String, Object> rotation : immediate) {
            assertThat(rotation.get("kid")).isNotNull().isNotEqualTo(current).isNotEqualTo(next);
            if (rotation.get("retired_kid") != null) {
                retiredKids.add(rotation.get("retired_kid"));
            }
        }
        // each key is retired by one rotation only
        assertThat(retiredKids).isNotEmpty().doesNotHaveDuplicates().contains(current).doesNotContain(next);
        assertThat(activeKeys()).isEqualTo(1L);
        assertThat(pendingKeys()).isZero();
        assertThat(count("select count(*) from signing_keys where kid = '" + next + "' and not active and retired_at is not null"))
                .isEqualTo(1L);
        String activeInDb = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(repository::findActive)).kid;
        assertThat(signingKeys.active().kid()).isEqualTo(activeInDb).isNotEqualTo(current).isNotEqualTo(next);
        // the leaked keys leave the JWKS at once, not after the retired-key window
        assertThat(jwksKids()).contains(activeInDb).doesNotContain(current, next);
        assertThat(jwksKids()).doesNotContainAnyElementsOf(retiredKids.stream().map(String::valueOf).toList());
        // tokens issued now carry the key the database says is active
        TestAccounts.Account account = TestAccounts.register();
        assertThat(kid(account.accessToken())).isEqualTo(activeInDb);
    }

    private void refresh() throws Throwable {
        VertxContextSupport.subscribeAndAwait(signingKeys::refreshAndRotateWhenDue);
    }

    private interface Step<T> {
        T run() throws Throwable;
    }

    private interface VoidStep {
        void run() throws Throwable;
    }

    private static void race(int replicas, VoidStep step) throws Exception {
        race(replicas, () -> {
            step.run();
            return null;
        });
    }

    /** Runs {@code step} on {@code replicas} threads at once and returns what each got. */
    private static <T> List<T> race(int replicas, Step<T> step) throws Exception {
        List<Callable<T>> calls = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            calls.add(() -> {
                try {
                    return step.run();
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> done : pool.invokeAll(calls)) {
                results.add(done.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private static List<String> jwksKids() {
        return given().when().get("/.well-known/jwks.json").then().statusCode(200).extract().path("keys.kid");
    }

    private long activeKeys() {
        return count("select count(*) from signing_keys where active");
    }

    private long pendingKeys() {
        return count("select count(*) from signing_keys where not active and retired_at is null");
    }

    private static JwtConsumer consumer(String jwks) throws Exception {
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .setExpectedIssuer(org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class))
                .setRequireExpirationTime()
                .setRequireSubject()
                .build();
    }

    @SuppressWarnings("unchecked")
    private static String kid(String jwt) {
        String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))), StandardCharsets.UTF_8);
        return (String) io.restassured.path.json.JsonPath.from(header).getMap("").get("kid");
    }

    private static void sql(String statement) {
        try (var connection = RisitiTestResources.postgres().connect(RisitiTestResources.databaseName("auth"));
                var prepared = connection.prepareStatement(statement)) {
            prepared.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String query) {
        try (var connection = RisitiTestResources.postgres().connect(RisitiTestResources.databaseName("auth"));
                var prepared = connection.prepareStatement(query);
                var rows = prepared.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
