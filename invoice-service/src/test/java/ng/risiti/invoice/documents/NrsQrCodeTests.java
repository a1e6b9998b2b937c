package ng.risiti.invoice.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Random;
import ng.risiti.invoice.documents.config.NrsCryptoConfig;
import ng.risiti.invoice.documents.domain.InvoiceDocument;
import ng.risiti.invoice.documents.service.NrsCryptoKeys;
import ng.risiti.invoice.documents.service.NrsQrCode;
import ng.risiti.invoice.invoices.domain.Irn;
import ng.risiti.nrs.sandbox.service.QrCodeReader;
import ng.risiti.nrs.sandbox.service.QrCodeReader.Decoded;
import org.junit.jupiter.api.Test;

class NrsQrCodeTests {

    /** The sandbox's reader decrypts with the sandbox's private key, read from its resource. */
    final QrCodeReader sandbox = new QrCodeReader();

    static final NrsCryptoConfig DEFAULTS = new NrsCryptoConfig() {
        @Override
        public String publicKey() {
            return SANDBOX_PUBLIC_KEY;
        }

        @Override
        public String certificate() {
            return SANDBOX_CERTIFICATE;
        }
    };

    static String randomBase64(int bytes, long seed) {
        byte[] raw = new byte[bytes];
        new Random(seed).nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    @Test
    void theConfiguredDefaultIsTheSandboxCryptoKeysTxt() {
        assertThat(NrsCryptoConfig.SANDBOX_PUBLIC_KEY).isEqualTo(sandbox.cryptoKeys().get("public_key"));
        assertThat(NrsCryptoConfig.SANDBOX_CERTIFICATE).isEqualTo(sandbox.cryptoKeys().get("certificate")).isEqualTo(sandbox.certificate());
        assertThat(new String(Base64.getDecoder().decode(NrsCryptoConfig.SANDBOX_CERTIFICATE), StandardCharsets.US_ASCII))
                .isEqualTo("RISITI-NRS-SANDBOX-ONLY-CERT-v01");
    }

    @Test
    void theSandboxDecryptsAnInvoiceQrCodeBackToItsIrnFinalizeTimeAndCertificate() {
        InvoiceDocument named = SampleDocuments.named();
        NrsQrCode qrCodes = new NrsQrCode(DEFAULTS);
        String qr = qrCodes.of(named);

        // One RSA-2048 block: 256 bytes, 344 Base64 characters, no line breaks.
        assertThat(qr).hasSize(344).doesNotContain("\n");
        assertThat(Base64.getDecoder().decode(qr)).hasSize(256);
        Decoded decoded = sandbox.read(qr);
        assertThat(decoded.irn().value()).isEqualTo("INV2026042-94ND90NR-20261120");
        assertThat(Instant.ofEpochSecond(decoded.timestamp())).isEqualTo(Instant.parse("2026-11-20T09:30:00Z")).isEqualTo(named.finalizedAt().toInstant());
        assertThat(decoded.certificate()).isEqualTo(NrsCryptoConfig.SANDBOX_CERTIFICATE);

        // PKCS#1 v1.5 pads with random bytes: the same content never encrypts twice alike, yet reads back the same.
        String again = qrCodes.of(named);
        assertThat(again).isNotEqualTo(qr);
        assertThat(sandbox.read(again)).isEqualTo(decoded);
    }

    @Test
    void theKeyIsAParameterAndIsTakenAsNrsHandsItOutAsBase64DerOrAsPem() {
        String pem = new String(Base64.getDecoder().decode(NrsCryptoConfig.SANDBOX_PUBLIC_KEY), StandardCharsets.US_ASCII);
        String der = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        NrsCryptoKeys handedOut = NrsCryptoKeys.parse(NrsCryptoConfig.SANDBOX_PUBLIC_KEY, NrsCryptoConfig.SANDBOX_CERTIFICATE);
        for (String form : new String[] {pem, der, NrsCryptoConfig.SANDBOX_PUBLIC_KEY}) {
            NrsCryptoKeys keys = NrsCryptoKeys.parse(form, " " + NrsCryptoConfig.SANDBOX_CERTIFICATE + "\n");
            assertThat(keys).isEqualTo(handedOut);
            String qr = NrsQrCode.encrypt("INV0042-94ND90NR-20250611", Instant.parse("2025-06-11T09:30:00Z"), keys);
            assertThat(sandbox.read(qr).timestamp()).isEqualTo(1_749_634_200L);
        }
        assertThatThrownBy(() -> NrsCryptoKeys.parse("not a key", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NrsCryptoKeys.parse(NrsCryptoConfig.SANDBOX_PUBLIC_KEY, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nrsCertificatesAreShortTokensThatFitOneBlockEvenWithALongIrnAndAnX509CertificateIsRefused() {
        // The longest IRN Risiti makes (a 50-character invoice number) with a 60-character certificate, longer than
        // any NRS certificate seen (about 44): the JSON is under 200 bytes of the 245 one block holds.
        String irn = Irn.of("INV-" + "7".repeat(46), "94ND90NR", LocalDate.of(2026, 11, 20)).value();
        String certificate = randomBase64(45, 1);
        assertThat(certificate).hasSize(60);
        NrsCryptoKeys keys = NrsCryptoKeys.parse(NrsCryptoConfig.SANDBOX_PUBLIC_KEY, certificate);
        String qr = NrsQrCode.encrypt(irn, Instant.parse("2026-11-20T09:30:00Z"), keys);
        Decoded decoded = sandbox.read(qr);
        assertThat(decoded.irn().value()).isEqualTo(irn);
        assertThat(decoded.certificate()).isEqualTo(certificate);

        // An X.509 certificate (over a kilobyte of Base64) cannot be one block, and NRS reads no other shape.
        NrsCryptoKeys x509 = NrsCryptoKeys.parse(NrsCryptoConfig.SANDBOX_PUBLIC_KEY, randomBase64(900, 2));
        assertThatThrownBy(() -> NrsQrCode.encrypt(irn, Instant.parse("2026-11-20T09:30:00Z"), x509))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one RSA block holds 245")
                .hasMessageContaining("X.509");
    }
}
