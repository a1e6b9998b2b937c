package ng.risiti.invoice.documents.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The taxpayer's NRS crypto keys, as NRS hands them out in {@code crypto_keys.txt}: the public key QR codes are
 * encrypted with and the certificate string they carry. Defaults to the NRS sandbox's own keys (sandbox-only,
 * worthless outside tests; {@code deploy/nrs-sandbox/src/main/resources/sandbox-crypto/}), so a QR code made in dev
 * and tests is one the sandbox can read. Per-tenant keys come with the NRS gateway work.
 */
@ConfigMapping(prefix = "risiti.nrs.crypto")
public interface NrsCryptoConfig {

    /** The NRS sandbox's public key: Base64 of its PEM, exactly as {@code crypto_keys.txt} carries it. */
    String SANDBOX_PUBLIC_KEY = "LS0tLS1CRUdJTiBQVUJMSUMgS0VZLS0tLS0KTUlJQklqQU5CZ2txaGtpRzl3MEJBUUVGQUFPQ0FROEFNSUlCQ2dLQ0FRRUF0TkRB"
            + "VDNEVGdPUENYME5DMXdScApHV3c1Zm9EVlB1L0l6TTR3Mjdpb3ZLTGJlTUcxcEV3ZmxFeVh2Q25adVZ4QzVYODErQ1hnY0hLcklv"
            + "TURTdHltCm0xUWZ6RCsxa2JucURSZEpaWWdTTWhFRk1HM3ZDTU9xRHB4VzJhUTVKNlBLaHJaRHFUZWljSXJnVEo1T0FnTzAKblpZ"
            + "ZzU1enpERUdESGdHMDV5UllzOUtQa0dxM2ZEOXNPcUltYXlnaUh2ellUOW9KY1U3UlAvQjVGMXVyMnRtWQpwdjljVWk3ZFpEVllB"
            + "aWVRZlFyZ0x6SkJVNUZkRldPZjVtY2NlN2REWjZQUkNvVDM5WHUyTTFKMCtFV3ZNaUFRCmJkeitJSHFmZC9XSWhKS0dQWFhoQjRs"
            + "eTZSdlVKWnZRNDlISVZmMTRiWGR0bSt2akxCZDBLRmEremlsaGlmRW8KTFFJREFRQUIKLS0tLS1FTkQgUFVCTElDIEtFWS0tLS0t"
            + "Cg==";

    /** The NRS sandbox's certificate string: Base64 of {@code RISITI-NRS-SANDBOX-ONLY-CERT-v01}. */
    String SANDBOX_CERTIFICATE = "UklTSVRJLU5SUy1TQU5EQk9YLU9OTFktQ0VSVC12MDE=";

    /** Base64 of the PEM (as NRS hands it out) or of the DER, or the PEM itself. */
    @WithDefault(SANDBOX_PUBLIC_KEY)
    String publicKey();

    @WithDefault(SANDBOX_CERTIFICATE)
    String certificate();
}
