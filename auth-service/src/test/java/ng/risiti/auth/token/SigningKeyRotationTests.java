package ng.risiti.auth.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ng.risiti.auth.GreenMailResource;
import ng.risiti.auth.TestAccounts;
import ng.risiti.auth.token.repository.SigningKeyRepository;
import ng.risiti.auth.token.service.SigningKeys;
import ng.risiti.testsupport.RisitiTestResources;
import org.awaitility.Awaitility;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(GreenMailResource.class)
class SigningKeyRotationTests {

    @Inject
    SigningKeys signingKeys;

    @Inject
    SigningKeyRepository repository;

    @Test
    void rotationPublishesBothKeysThenDropsTheRetiredOne() throws Throwable {
        TestAccounts.Account owner = TestAccounts.register();
        String oldToken = owner.accessToken();
        String oldKid = kid(oldToken);
        assertThat(oldKid).isEqualTo(signingKeys.active().kid());

        Map<String, Object> rotated = given().when().post("/internal/signing-keys/rotate")
                .then().statusCode(200)
                .body("retired_kid", equalTo(oldKid))
                .extract().jsonPath().getMap("");
        String newKid = (String) rotated.get("kid");
        assertThat(newKid).isNotEqualTo(oldKid).isEqualTo(signingKeys.active().kid());
        assertThat(activeKeys()).isEqualTo(1L);

        String jwks = given().when().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
        List<String> kids = given().when().get("/.well-known/jwks.json").then().extract().path("keys.kid");
        assertThat(kids).contains(oldKid, newKid);

        // a token signed before the rotation still works
        given().auth().oauth2(oldToken).when().get("/api/v1/auth/me")
                .then().statusCode(200).body("data.id", equalTo(owner.userId()));

        // new tokens name the new key and verify against the published set alone
        String newToken = TestAccounts.login(owner.email());
        assertThat(kid(newToken)).isEqualTo(newKid);
        JwtClaims claims = consumer(jwks).processToClaims(newToken);
        assertThat(claims.getSubject()).isEqualTo(owner.userId());
        assertThat(consumer(jwks).processToClaims(oldToken).getSubject()).isEqualTo(owner.userId());
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(newToken).when().get("/api/v1/auth/me").then().statusCode(200));

        // once the publication window has passed, the old key leaves the JWKS and its tokens are refused
        sql("update signing_keys set retired_at = now() - interval '2 hours' where kid = '" + oldKid + "'");
        List<String> after = given().when().get("/.well-known/jwks.json").then().statusCode(200).extract().path("keys.kid");
        assertThat(after).contains(newKid).doesNotContain(oldKid);
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(oldToken).when().get("/api/v1/auth/me")
                        .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED")));
        String jwksAfter = given().when().get("/.well-known/jwks.json").then().extract().asString();
        org.junit.jupiter.api.Assertions.assertThrows(InvalidJwtException.class, () -> consumer(jwksAfter).processToClaims(oldToken));
        given().auth().oauth2(newToken).when().get("/api/v1/auth/me").then().statusCode(200);
    }

    @Test
    void racingReplicasRotateADueKeyOnce() throws Throwable {
        String before = signingKeys.active().kid();
        // not due yet: nothing happens
        VertxContextSupport.subscribeAndAwait(signingKeys::refreshAndRotateWhenDue);
        assertThat(signingKeys.active().kid()).isEqualTo(before);

        sql("update signing_keys set created_at = now() - interval '31 days' where kid = '" + before + "'");
        long keysBefore = count("select count(*) from signing_keys");
        List<Callable<Void>> replicas = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            replicas.add(() -> {
                try {
                    VertxContextSupport.subscribeAndAwait(signingKeys::refreshAndRotateWhenDue);
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Void> done : pool.invokeAll(replicas)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(activeKeys()).isEqualTo(1L);
        assertThat(count("select count(*) from signing_keys")).isEqualTo(keysBefore + 1);
        String now = signingKeys.active().kid();
        assertThat(now).isNotEqualTo(before);
        assertThat(count("select count(*) from signing_keys where kid = '" + before + "' and not active and retired_at is not null")).isEqualTo(1L);

        // concurrent operator rotations also leave exactly one active key
        ExecutorService operators = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Map<String, Object>>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(() -> given().when().post("/internal/signing-keys/rotate").then().statusCode(200).extract().jsonPath().getMap(""));
            }
            List<Object> retiredKids = new ArrayList<>();
            for (Future<Map<String, Object>> rotation : operators.invokeAll(calls)) {
                assertThat(rotation.get().get("kid")).isNotNull();
                if (rotation.get().get("retired_kid") != null) {
                    retiredKids.add(rotation.get().get("retired_kid"));
                }
            }
            // each key is retired by one rotation only
            assertThat(retiredKids).isNotEmpty().doesNotHaveDuplicates().contains(now);
        } finally {
            operators.shutdown();
        }
        assertThat(activeKeys()).isEqualTo(1L);
        List<String> kids = given().when().get("/.well-known/jwks.json").then().extract().path("keys.kid");
        assertThat(kids).contains(before, now, signingKeys.active().kid());
        // tokens issued now carry the key the database says is active
        TestAccounts.Account account = TestAccounts.register();
        String activeInDb = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(repository::findActive)).kid;
        assertThat(kid(account.accessToken())).isEqualTo(activeInDb);
    }

    private long activeKeys() {
        return count("select count(*) from signing_keys where active");
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
