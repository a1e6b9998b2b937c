package ng.risiti.invoice.documents.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import ng.risiti.invoice.documents.config.NrsCryptoConfig;
import ng.risiti.invoice.documents.domain.InvoiceDocument;
import ng.risiti.invoice.invoices.domain.Irn;

/**
 * The content of an invoice's NRS QR code, made the way NRS prescribes ("IRN signing"): the JSON
 * {@code {"irn":"<IRN>.<unix seconds>","certificate":"<certificate>"}} encrypted with the taxpayer's NRS public key,
 * RSA with PKCS#1 v1.5 padding (what NRS's {@code openssl pkeyutl -encrypt} recipe does), then Base64. NRS's MBS 360
 * app decrypts it and reads back the IRN, when it was stamped, and the certificate.
 *
 * <p>It is one RSA block, never chunked: NRS decrypts a single block (a 2048-bit key gives 256 bytes, 344 Base64
 * characters), so the JSON must fit the 245 bytes PKCS#1 v1.5 leaves. NRS's certificate string is a short token
 * (around 44 to 60 characters), which with the longest IRN leaves room to spare; content that does not fit means the
 * wrong certificate was configured (an X.509 certificate, say) and is refused rather than split into something NRS
 * cannot read.
 */
@ApplicationScoped
public class NrsQrCode {

    /** PKCS#1 v1.5 padding takes 11 bytes of every block. */
    private static final int PKCS1_PADDING = 11;

    private final NrsCryptoKeys defaultKeys;

    public NrsQrCode(NrsCryptoConfig config) {
        this.defaultKeys = NrsCryptoKeys.parse(config.publicKey(), config.certificate());
    }

    /** The configured keys (the NRS sandbox's unless set): used until tenants bring their own with the NRS gateway. */
    public NrsCryptoKeys defaultKeys() {
        return defaultKeys;
    }

    /** The QR code of a finalized document, stamped with the moment it was finalized. */
    public String of(InvoiceDocument doc) {
        return of(doc, defaultKeys);
    }

    /** The QR code of an invoice finalized just now with this IRN, under the configured keys. */
    public String of(Irn irn, OffsetDateTime finalizedAt) {
        return encrypt(irn.value(), finalizedAt.toInstant(), defaultKeys);
    }

    public static String of(InvoiceDocument doc, NrsCryptoKeys keys) {
        Objects.requireNonNull(doc.finalizedAt(), "only a finalized document has a QR code");
        return encrypt(doc.irn(), doc.finalizedAt().toInstant(), keys);
    }

    /** Encrypts {@code {"irn":"<irn>.<unix seconds of stampedAt>","certificate":...}}; Base64, no line breaks. */
    public static String encrypt(String irn, Instant stampedAt, NrsCryptoKeys keys) {
        byte[] content = content(irn, stampedAt, keys.certificate()).getBytes(StandardCharsets.UTF_8);
        int capacity = (keys.publicKey().getModulus().bitLength() + 7) / 8 - PKCS1_PADDING;
        if (content.length > capacity) {
            throw new IllegalArgumentException("the QR content is " + content.length + " bytes but one RSA block holds "
                    + capacity + ": NRS's certificate is a short token of about 44-60 characters, this one has "
                    + keys.certificate().length() + " (an X.509 certificate configured by mistake?)");
        }
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.publicKey());
            return Base64.getEncoder().encodeToString(cipher.doFinal(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA/ECB/PKCS1Padding is unavailable or refused the NRS key", e);
        }
    }

    /** The JSON that is encrypted: compact, {@code irn} then {@code certificate}, as NRS's examples have it. */
    static String content(String irn, Instant stampedAt, String certificate) {
        Objects.requireNonNull(irn, "irn");
        return JsonNodeFactory.instance.objectNode()
                .put("irn", irn + "." + stampedAt.getEpochSecond())
                .put("certificate", certificate)
                .toString();
    }
}
