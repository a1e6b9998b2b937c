package ng.risiti.auth.account.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ng.risiti.testsupport.GreenMailResource;
import ng.risiti.auth.TestAccounts;
import ng.risiti.auth.token.service.SigningKeys;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.security.Scope;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(GreenMailResource.class)
class AuthResourceTests {

    private static final String ISSUER = "https://auth.risiti.ng";

    @Inject
    SigningKeys signingKeys;

    @Test
    void registerLoginAndMe() throws Exception {
        String email = TestAccounts.uniqueEmail();
        Map<String, Object> registration = new HashMap<>(TestAccounts.registration(email.toUpperCase()));

        ExtractableResponse<Response> registered = given().contentType(ContentType.JSON).body(registration)
                .when().post("/api/v1/auth/register")
                .then().statusCode(201)
                .body("data.plan_slug", equalTo("free"))
                .body("data.access_token", notNullValue())
                .extract();
        JwtClaims registeredClaims = verifyWithJwks(registered.path("data.access_token"));
        assertThat(registeredClaims.getStringClaimValue("role")).isEqualTo("owner");

        ExtractableResponse<Response> login = given().contentType(ContentType.JSON)
                .body(Map.of("email", "  " + email.toUpperCase() + " ", "password", TestAccounts.PASSWORD))
                .when().post("/api/v1/auth/login")
                .then().statusCode(200)
                .body("data.user.email", equalTo(email))
                .body("data.user.first_name", equalTo("Adaeze"))
                .body("data.user.last_name", equalTo("Okonkwo"))
                .body("data.user.role", equalTo("owner"))
                .body("data.tenant.name", equalTo("Fime Digital Ltd"))
                .extract();
        String setCookie = login.header("Set-Cookie");
        assertThat(setCookie).startsWith("refresh_token=").contains("HttpOnly").contains("Secure")
                .containsIgnoringCase("SameSite=Strict").contains("Path=/api/v1/auth").contains("Max-Age=604800");
        assertThat(login.cookie("refresh_token")).hasSizeGreaterThan(40);
        assertThat(login.asString()).doesNotContain("refresh_token");

        String token = login.path("data.access_token");
        String userId = login.path("data.user.id");
        String tenantId = login.path("data.tenant.id");
        JwtClaims claims = verifyWithJwks(token);
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getSubject()).isEqualTo(userId);
        assertThat(claims.getStringClaimValue("tid")).isEqualTo(tenantId);
        assertThat(claims.getStringClaimValue("role")).isEqualTo("owner");
        assertThat(claims.getStringClaimValue("sid")).isNotBlank();
        assertThat(claims.getStringListClaimValue("groups")).containsExactlyInAnyOrderElementsOf(Scope.ALL);
        assertThat(claims.getExpirationTime().getValueInMillis() - claims.getIssuedAt().getValueInMillis())
                .isEqualTo(Duration.ofMinutes(15).toMillis());
        assertThat(claims.getStringClaimValue("sid")).isNotEqualTo(registeredClaims.getStringClaimValue("sid"));

        given().auth().oauth2(token)
                .when().get("/api/v1/auth/me")
                .then().statusCode(200)
                .body("data.id", equalTo(userId))
                .body("data.email", equalTo(email))
                .body("data.first_name", equalTo("Adaeze"))
                .body("data.last_name", equalTo("Okonkwo"))
                .body("data.role", equalTo("owner"))
                .body("data.mfa_enabled", equalTo(false))
                .body("data.tenant.id", equalTo(tenantId))
                .body("data.tenant.name", equalTo("Fime Digital Ltd"))
                .body("data.tenant.tin", equalTo("12345678-0001"))
                .body("data.tenant.plan", equalTo("free"));
    }

    @Test
    void registerHonoursPlanSlugAndOptionalTin() {
        Map<String, Object> registration = new HashMap<>(TestAccounts.registration(TestAccounts.uniqueEmail()));
        registration.remove("tin");
        registration.put("plan_slug", "starter");
        String token = given().contentType(ContentType.JSON).body(registration)
                .when().post("/api/v1/auth/register")
                .then().statusCode(201).body("data.plan_slug", equalTo("starter"))
                .extract().path("data.access_token");
        given().auth().oauth2(token).when().get("/api/v1/auth/me")
                .then().statusCode(200).body("data.tenant.plan", equalTo("starter")).body("data.tenant.tin", equalTo(null));
    }

    @Test
    void registrationAnnouncesTenantAndUserWithoutSecrets() {
        try (KafkaTopicReader reader = KafkaTopicReader.fromEnd(Topics.TENANTS)) {
            String email = TestAccounts.uniqueEmail();
            String token = given().contentType(ContentType.JSON).body(TestAccounts.registration(email))
                    .when().post("/api/v1/auth/register")
                    .then().statusCode(201).extract().path("data.access_token");
            String tenantId = given().auth().oauth2(token).get("/api/v1/auth/me").then().statusCode(200).extract().path("data.tenant.id");

            List<ConsumerRecord<String, String>> records = reader.readUntil(
                    all -> all.stream().filter(r -> tenantId.equals(r.key())).count() >= 2, Duration.ofSeconds(10));
            List<ConsumerRecord<String, String>> ours = records.stream().filter(r -> tenantId.equals(r.key())).toList();
            assertThat(ours).extracting(r -> KafkaTopicReader.header(r, "ce_type")).containsExactly("tenant.created", "user.created");
            assertThat(ours).allSatisfy(r -> {
                assertThat(KafkaTopicReader.header(r, "ce_tenantid")).isEqualTo(tenantId);
                assertThat(KafkaTopicReader.header(r, "ce_source")).isEqualTo("/risiti/auth-service");
                assertThat(r.value()).contains("\"tenant_id\":\"" + tenantId + "\"").contains("\"plan_slug\":\"free\"")
                        .contains("\"business_type\":\"sme\"").contains("\"tin\":\"12345678-0001\"")
                        .doesNotContainIgnoringCase("password").doesNotContain("argon2");
            });
            assertThat(ours.get(1).value()).contains("\"email\":\"" + email + "\"").contains("\"role\":\"owner\"");
        }
    }

    @Test
    void duplicateEmailIsAConflictWhateverItsCase() {
        String email = TestAccounts.uniqueEmail();
        given().contentType(ContentType.JSON).body(TestAccounts.registration(email))
                .post("/api/v1/auth/register").then().statusCode(201);
        given().contentType(ContentType.JSON).body(TestAccounts.registration(email.toUpperCase()))
                .when().post("/api/v1/auth/register")
                .then().statusCode(409)
                .body("error.code", equalTo("CONFLICT"))
                .body("error.request_id", startsWith("req_"));
    }

    @Test
    void registerNamesEveryMissingField() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/auth/register")
                .then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", containsInAnyOrder(
                        "business_name", "business_type", "email", "first_name", "last_name", "password"));
    }

    @Test
    void registerRejectsBadValues() {
        Map<String, Object> registration = new HashMap<>(TestAccounts.registration("not-an-email"));
        registration.put("password", "password1");
        registration.put("business_type", "corporation");
        registration.put("tin", "1234-5678");
        registration.put("plan_slug", "platinum");
        given().contentType(ContentType.JSON).body(registration)
                .when().post("/api/v1/auth/register")
                .then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", containsInAnyOrder("business_type", "email", "password", "plan_slug", "tin"))
                .body("error.details.find { it.field == 'password' }.message",
                        equalTo("password must be 8 to 128 characters and include an uppercase letter and a number"));
    }

    @Test
    void passwordRulesEachApply() {
        for (String weak : List.of("Short1", "nouppercase1", "NoDigitsHere")) {
            Map<String, Object> registration = new HashMap<>(TestAccounts.registration(TestAccounts.uniqueEmail()));
            registration.put("password", weak);
            given().contentType(ContentType.JSON).body(registration)
                    .when().post("/api/v1/auth/register")
                    .then().statusCode(400).body("error.details.field", containsInAnyOrder("password"));
        }
    }

    @Test
    void malformedJsonAndWrongTypesAreValidationErrors() {
        given().contentType(ContentType.JSON).body("{\"email\": ")
                .when().post("/api/v1/auth/register")
                .then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details[0].field", equalTo("body"));

        Map<String, Object> registration = new HashMap<>(TestAccounts.registration(TestAccounts.uniqueEmail()));
        registration.put("first_name", Map.of("nested", true));
        given().contentType(ContentType.JSON).body(registration)
                .when().post("/api/v1/auth/register")
                .then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details[0].field", equalTo("first_name"));

        given().contentType(ContentType.JSON).body("{\"email\": [\"a@b.ng\"], \"password\": \"x\"}")
                .when().post("/api/v1/auth/login")
                .then().statusCode(400)
                .body("error.details[0].field", equalTo("email"));

        given().contentType(ContentType.JSON)
                .when().post("/api/v1/auth/login")
                .then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details[0].field", equalTo("body"));
    }

    @Test
    void loginNamesMissingFields() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/auth/login")
                .then().statusCode(400)
                .body("error.details.field", containsInAnyOrder("email", "password"));
    }

    @Test
    void wrongPasswordAndUnknownEmailAnswerTheSame() {
        TestAccounts.Account account = TestAccounts.register();
        String wrongPassword = given().contentType(ContentType.JSON)
                .body(Map.of("email", account.email(), "password", "Wrong123!"))
                .when().post("/api/v1/auth/login")
                .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"))
                .header("Set-Cookie", equalTo(null))
                .extract().path("error.message");
        String unknownEmail = given().contentType(ContentType.JSON)
                .body(Map.of("email", TestAccounts.uniqueEmail(), "password", TestAccounts.PASSWORD))
                .when().post("/api/v1/auth/login")
                .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"))
                .extract().path("error.message");
        assertThat(unknownEmail).isEqualTo(wrongPassword);
    }

    @Test
    void meRefusesMissingAndInvalidCredentials() {
        given().when().get("/api/v1/auth/me")
                .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED")).body("error.request_id", startsWith("req_"));
        given().header("Authorization", "Bearer not.a.jwt").when().get("/api/v1/auth/me")
                .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().header("x-api-key", "rs_live_short").when().get("/api/v1/auth/me")
                .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().header("x-api-key", "rs_live_" + "ab".repeat(20)).when().get("/api/v1/auth/me")
                .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().header("Authorization", "Basic dXNlcjpwYXNz").when().get("/api/v1/auth/me")
                .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() throws Exception {
        TestAccounts.Account account = TestAccounts.register();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer(ISSUER).subject(account.userId()).claim("tid", account.tenantId()).claim("role", "owner")
                .groups(Set.copyOf(Scope.ALL)).expiresIn(Duration.ofMinutes(5))
                .jws().keyId(signingKeys.active().kid()).sign(generator.generateKeyPair().getPrivate());
        given().auth().oauth2(forged).when().get("/api/v1/auth/me")
                .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void expiredTokenIsTokenExpired() {
        TestAccounts.Account account = TestAccounts.register();
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        String expired = Jwt.issuer(ISSUER).subject(account.userId()).claim("tid", account.tenantId()).claim("role", "owner")
                .groups(Set.copyOf(Scope.ALL)).issuedAt(longAgo).expiresAt(longAgo.plus(Duration.ofMinutes(15)))
                .jws().keyId(signingKeys.active().kid()).sign(signingKeys.active().privateKey());
        given().auth().oauth2(expired).when().get("/api/v1/auth/me")
                .then().statusCode(401).body("error.code", equalTo("TOKEN_EXPIRED"));
    }

    @Test
    void unknownPathsAndMethodsUseTheEnvelope() {
        given().when().get("/api/v1/auth/nothing-here")
                .then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        given().when().get("/api/v1/auth/login")
                .then().statusCode(405).body("error.code", equalTo("METHOD_NOT_ALLOWED"));
    }

    static JwtClaims verifyWithJwks(String token) throws Exception {
        HttpsJwks jwks = new HttpsJwks(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/.well-known/jwks.json");
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setExpectedIssuer(ISSUER)
                .setSkipDefaultAudienceValidation()
                .setJwsAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT, "RS256")
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                .build();
        return consumer.processToClaims(token);
    }
}
