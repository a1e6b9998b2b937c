package ng.risiti.nrs.sandbox;

import static io.restassured.RestAssured.given;
import static ng.risiti.nrs.sandbox.NrsSandboxApiTests.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import javax.crypto.Cipher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QrCodeValidationTests {

    static final String IRN = "INV0042-94ND90NR-20250611";
    static final long STAMPED = 1_749_634_200L; // 2025-06-11T09:30:00Z

    @BeforeEach
    void reset() {
        given().post("/__sandbox/reset").then().statusCode(200);
    }

    /** Builds a QR code as a client does from its crypto_keys.txt, with nothing of the sandbox's code. */
    static String qrCode(String publicKeyBase64Pem, String json) throws Exception {
        String pem = new String(Base64.getDecoder().decode(publicKeyBase64Pem), StandardCharsets.US_ASCII);
        byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return Base64.getEncoder().encodeToString(cipher.doFinal(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aQrCodeBuiltFromTheSandboxCryptoKeysReadsBackItsIrnTimestampAndCertificate() throws Exception {
        JsonPath keys = given().get("/__sandbox/crypto-keys").then().statusCode(200).extract().jsonPath();
        String certificate = keys.getString("certificate");
        String qr = qrCode(keys.getString("public_key"),
                "{\"irn\":\"" + IRN + "." + STAMPED + "\",\"certificate\":\"" + certificate + "\"}");

        api().body("{\"qr_code\":\"" + qr + "\"}").post("/api/v1/invoice/qr/validate")
                .then().statusCode(200)
                .body("data.irn", equalTo(IRN))
                .body("data.timestamp", equalTo((int) STAMPED))
                .body("data.stamped_at", equalTo("2025-06-11T09:30:00Z"))
                .body("data.certificate", equalTo(certificate))
                .body("data.signed", equalTo(false));

        api().body(NrsSandboxApiTests.invoice(IRN)).post("/api/v1/invoice/sign").then().statusCode(201);
        api().body("{\"qr_code\":\"" + qr + "\"}").post("/api/v1/invoice/qr/validate")
                .then().statusCode(200).body("data.signed", equalTo(true));
    }

    @Test
    void aQrCodeTheSandboxCannotReadOrWithAnotherCertificateIsRefused() throws Exception {
        JsonPath keys = given().get("/__sandbox/crypto-keys").then().statusCode(200).extract().jsonPath();
        api().body("{\"qr_code\":\"bm90IGVuY3J5cHRlZA==\"}").post("/api/v1/invoice/qr/validate")
                .then().statusCode(400).body("error.handler", equalTo("qr_validate"))
                .body("error.public_message", equalTo("invalid QR code"));

        String otherCertificate = qrCode(keys.getString("public_key"),
                "{\"irn\":\"" + IRN + "." + STAMPED + "\",\"certificate\":\"c29tZWJvZHkgZWxzZQ==\"}");
        api().body("{\"qr_code\":\"" + otherCertificate + "\"}").post("/api/v1/invoice/qr/validate")
                .then().statusCode(400).body("error.public_message", equalTo("certificate mismatch"));

        String noTimestamp = qrCode(keys.getString("public_key"),
                "{\"irn\":\"" + IRN + "\",\"certificate\":\"" + keys.getString("certificate") + "\"}");
        api().body("{\"qr_code\":\"" + noTimestamp + "\"}").post("/api/v1/invoice/qr/validate")
                .then().statusCode(400).body("error.details", containsString("{IRN}.{unix seconds}"));

        given().contentType("application/json").body("{\"qr_code\":\"x\"}").post("/api/v1/invoice/qr/validate")
                .then().statusCode(401);
    }
}
