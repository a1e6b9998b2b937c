package ng.risiti.nrs.sandbox.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import ng.risiti.nrs.sandbox.Irn;
import ng.risiti.nrs.sandbox.NrsException;

/**
 * Reads the QR code an invoice carries, as NRS (and its MBS 360 app) does: Base64 of one RSA block, PKCS#1 v1.5,
 * encrypted with the taxpayer's NRS public key, holding {@code {"irn":"<IRN>.<unix seconds>","certificate":"..."}}.
 * The sandbox's key pair is in {@code sandbox-crypto/}: sandbox-only, worthless outside tests.
 */
@ApplicationScoped
public class QrCodeReader {

    public static final String CRYPTO_KEYS = "/sandbox-crypto/crypto_keys.txt";
    public static final String PRIVATE_KEY = "/sandbox-crypto/private_key.pem";
    private static final String HANDLER = "qr_validate";

    /** What a QR code says: the IRN, the moment it was stamped (Unix seconds) and the certificate it carries. */
    public record Decoded(Irn irn, long timestamp, String certificate) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final PrivateKey privateKey;
    private final Map<String, String> cryptoKeys;

    public QrCodeReader() {
        try {
            JsonNode keys = json.readTree(resource(CRYPTO_KEYS));
            Map<String, String> handedOut = new LinkedHashMap<>();
            handedOut.put("public_key", keys.path("public_key").asText());
            handedOut.put("certificate", keys.path("certificate").asText());
            this.cryptoKeys = Map.copyOf(handedOut);
            String pem = new String(resource(PRIVATE_KEY), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            this.privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sandbox's crypto keys", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the sandbox's private key is not an RSA PKCS#8 key", e);
        }
    }

    /** The sandbox's {@code crypto_keys.txt}, as the NRS dashboard hands one to a taxpayer. */
    public Map<String, String> cryptoKeys() {
        return cryptoKeys;
    }

    public String certificate() {
        return cryptoKeys.get("certificate");
    }

    /** Decrypts and parses a QR code's content, or throws a 400 saying what is wrong with it. */
    public Decoded read(String qr) {
        byte[] plain;
        try {
            // MIME decoding tolerates the line breaks `base64` inserts when people build QR codes by hand.
            byte[] block = Base64.getMimeDecoder().decode(qr);
            Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            cipher.init(Cipher.DECRYPT_MODE, privateKey);
            plain = cipher.doFinal(block);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw invalid("not Base64 of one RSA block encrypted with the sandbox's public key (PKCS#1 v1.5): " + e.getMessage());
        }
        JsonNode content;
        try {
            content = json.readTree(plain);
        } catch (IOException e) {
            throw invalid("the decrypted content is not JSON");
        }
        String stamped = content == null ? null : content.path("irn").asText(null);
        String certificate = content == null ? null : content.path("certificate").asText(null);
        int dot = stamped == null ? -1 : stamped.lastIndexOf('.');
        if (dot < 0 || !stamped.substring(dot + 1).matches("[0-9]{1,12}")) {
            throw invalid("irn must be {IRN}.{unix seconds}: " + stamped);
        }
        Irn irn = Irn.parse(stamped.substring(0, dot))
                .orElseThrow(() -> invalid("irn must be {InvoiceNumber}-{ServiceID}-{YYYYMMDD}: " + stamped));
        if (certificate == null || certificate.isBlank()) {
            throw invalid("certificate is missing");
        }
        return new Decoded(irn, Long.parseLong(stamped.substring(dot + 1)), certificate);
    }

    private static NrsException invalid(String details) {
        return new NrsException(400, HANDLER, "invalid QR code", details);
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = QrCodeReader.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException(path + " is not on the classpath");
            }
            return in.readAllBytes();
        }
    }
}
