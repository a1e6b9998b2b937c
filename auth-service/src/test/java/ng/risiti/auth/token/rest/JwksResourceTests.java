package ng.risiti.auth.token.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import ng.risiti.testsupport.GreenMailResource;
import ng.risiti.auth.token.domain.SigningKey;
import ng.risiti.auth.token.repository.SigningKeyRepository;
import ng.risiti.auth.token.service.SigningKeys;
import ng.risiti.testsupport.RisitiTestResources;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(GreenMailResource.class)
class JwksResourceTests {

    @Inject
    SigningKeys signingKeys;

    @Inject
    SigningKeyRepository repository;

    @Test
    void publishesTheActiveKeyAtBothPaths() {
        for (String path : List.of("/.well-known/jwks.json", "/api/v1/.well-known/jwks.json")) {
            List<Map<String, Object>> keys = given().when().get(path)
                    .then().statusCode(200)
                    .header("Cache-Control", "public, max-age=1")
                    .body("keys", not(hasSize(0)))
                    .body("keys.kty", everyItem(equalTo("RSA")))
                    .body("keys.alg", everyItem(equalTo("RS256")))
                    .body("keys.use", everyItem(equalTo("sig")))
                    .extract().path("keys");
            assertThat(keys).extracting(k -> k.get("kid")).contains(signingKeys.active().kid());
            assertThat(keys).allSatisfy(k -> assertThat(k).containsKeys("n", "e").doesNotContainKeys("d", "p", "q", "dp", "dq", "qi"));
        }
    }

    @Test
    void aSecondStartReusesTheActiveKey() throws Throwable {
        SigningKey racer = new SigningKey();
        racer.kid = "racer";
        racer.publicKey = new byte[] {1};
        racer.privateKey = new byte[] {1};
        racer.createdAt = java.time.OffsetDateTime.now();
        racer.activatesAt = racer.createdAt;
        racer.active = true;
        // what a second replica does on first start: its insert loses to the existing active key
        Boolean stored = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> repository.insertIfNoneActive(racer)));
        assertThat(stored).isFalse();
        Long active = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> repository.count("active = true")));
        assertThat(active).isEqualTo(1L);
    }
}
