package ng.risiti.platform.error;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import ng.risiti.platform.testapp.PlatformTestTopics;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/** Every failure, wherever it is decided (Vert.x edge, authentication, REST, database), in the one error envelope (docs/api-rules.md, Errors). */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "platform"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(PlatformTestTopics.class)
class HttpEdgeTests {

    @Test
    void aPathNobodyServesIs404InTheEnvelopeWithTheRequestId() {
        Response response = given().get("/api/v1/nothing-here");
        response.then().statusCode(404).contentType(ContentType.JSON).body("error.code", equalTo("NOT_FOUND"))
                .body("error.message", equalTo("No resource at GET /api/v1/nothing-here."));
        assertThat(response.path("error.request_id").toString()).isEqualTo(response.header("X-Request-Id")).startsWith("req_");
    }

    @Test
    void aMethodThePathDoesNotTakeIs405() {
        given().delete("/api/v1/notes").then().statusCode(405).body("error.code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void aBodyAnnouncedOver10MbIsRefusedBeforeItIsRead() throws Exception {
        String answer = raw("POST /api/v1/notes HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + (10L * 1024 * 1024 + 1) + "\r\n\r\n{");
        assertThat(answer).startsWith("HTTP/1.1 413").contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }

    @Test
    void aContentLengthThatIsNotANumberIsAValidationError() throws Exception {
        String answer = raw("POST /api/v1/notes HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: lots\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400");
    }

    @Test
    void internalEndpointsNeedTheServiceTokenNotAUserToken() {
        given().get("/internal/outbox").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().header("X-Risiti-Service-Token", "guess").get("/internal/outbox").then().statusCode(401);
        given().auth().oauth2(TestIdentity.token(java.util.UUID.randomUUID(), java.util.UUID.randomUUID(), "owner", java.util.List.of("admin")))
                .get("/internal/outbox").then().statusCode(401);
        given().header("X-Risiti-Service-Token", RisitiTestResources.serviceToken()).get("/internal/outbox").then().statusCode(200);
    }

    @Test
    void anUnexpectedFailureIsA500ThatSaysNothingOfTheInside() {
        Response response = given().get("/api/v1/probes/unexpected");
        response.then().statusCode(500).body("error.code", equalTo("INTERNAL_ERROR"))
                .body("error.message", startsWith("An unexpected error occurred"));
        assertThat(response.asString()).doesNotContain("secret_things").doesNotContain("IllegalStateException").doesNotContain("at ng.");
        assertThat(response.path("error.request_id").toString()).isEqualTo(response.header("X-Request-Id"));
    }

    @Test
    void aUniqueConstraintCaughtByTheDatabaseIs409() {
        given().contentType(ContentType.JSON).post("/api/v1/probes/duplicate").then().statusCode(409).body("error.code", equalTo("CONFLICT"));
    }

    @Test
    void malformedJsonAndWrongTypesAre400sThatNameTheProblem() {
        given().contentType(ContentType.JSON).body("{\"count\": 3,").post("/api/v1/probes/counted").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo("body"))
                .body("error.details[0].message", startsWith("malformed JSON"));
        given().contentType(ContentType.JSON).body("{\"count\": \"three\"}").post("/api/v1/probes/counted").then().statusCode(400)
                .body("error.details[0].field", equalTo("count"));
        given().contentType(ContentType.JSON).body("{\"count\": 0}").post("/api/v1/probes/counted").then().statusCode(400)
                .body("error.details[0].field", equalTo("count"));
        given().contentType(ContentType.JSON).body("{\"count\": 2, \"owner\": \"not-a-uuid\"}").post("/api/v1/probes/counted").then()
                .statusCode(400).body("error.details[0].field", equalTo("owner"));
        given().contentType(ContentType.JSON).body("{\"count\": 2}").post("/api/v1/probes/counted").then().statusCode(200)
                .body("data.count", equalTo(2));
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        given().contentType(ContentType.XML).body("<count>2</count>").post("/api/v1/probes/counted").then().statusCode(415)
                .body("error.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    private static String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            int read = in.read(buffer);
            return read < 0 ? "" : new String(buffer, 0, read, StandardCharsets.UTF_8);
        }
    }
}
