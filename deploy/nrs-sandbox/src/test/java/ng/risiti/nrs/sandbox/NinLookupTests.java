package ng.risiti.nrs.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NinLookupTests {

    @Test
    void registeredNinsAreFoundOthersAreNotAndMalformedOnesAreRefused() {
        given().get("/nin/v1/identities/12345678901").then().statusCode(200)
                .body("status", equalTo("found")).body("first_name", equalTo("Adaeze")).body("last_name", equalTo("Okafor"));
        given().get("/nin/v1/identities/99999999999").then().statusCode(404).body("status", equalTo("not_found"));
        given().get("/nin/v1/identities/1234").then().statusCode(400).body("status", equalTo("invalid"));
    }
}
