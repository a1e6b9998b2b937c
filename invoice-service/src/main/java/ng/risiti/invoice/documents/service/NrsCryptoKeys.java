package ng.risiti.invoice.documents.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * A taxpayer's NRS crypto keys, from the {@code crypto_keys.txt} NRS hands out: the RSA public key QR codes are
 * encrypted with, and the certificate string each QR code carries.
 */
public record NrsCryptoKeys(RSAPublicKey publicKey, String certificate) {

    public NrsCryptoKeys {
        Objects.requireNonNull(publicKey, "publicKey");
        if (certificate == null || certificate.isBlank()) {
            throw new IllegalArgumentException("the NRS certificate must not be blank");
        }
        certificate = certificate.strip();
    }

    /**
     * {@code publicKey} as NRS hands it out (Base64 of the PEM), as Base64 of the DER, or as the PEM itself; all three
     * turn up in integrators' configuration.
     */
    public static NrsCryptoKeys parse(String publicKey, String certificate) {
        if (publicKey == null || publicKey.isBlank()) {
            throw new IllegalArgumentException("the NRS public key must not be blank");
        }
        try {
            String text = publicKey.strip();
            if (!text.contains("-----BEGIN")) {
                byte[] decoded = Base64.getMimeDecoder().decode(text);
                String asText = new String(decoded, StandardCharsets.US_ASCII);
                if (!asText.contains("-----BEGIN")) {
                    return new NrsCryptoKeys(rsa(decoded), certificate);
                }
                text = asText;
            }
            if (!text.contains("-----BEGIN PUBLIC KEY-----")) {
                throw new IllegalArgumentException("the NRS public key must be a PEM \"PUBLIC KEY\" (SubjectPublicKeyInfo)");
            }
            String body = text.substring(text.indexOf("-----BEGIN PUBLIC KEY-----") + 26, text.indexOf("-----END PUBLIC KEY-----"));
            return new NrsCryptoKeys(rsa(Base64.getMimeDecoder().decode(body)), certificate);
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("the NRS public key is neither a PEM nor Base64 of one or of its DER: " + e.getMessage(), e);
        }
    }

    private static RSAPublicKey rsa(byte[] der) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an RSA public key: " + e.getMessage(), e);
        }
    }
}
