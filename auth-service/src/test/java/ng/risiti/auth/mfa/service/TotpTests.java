package ng.risiti.auth.mfa.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B (SHA-1 rows) and RFC 4648 base32 vectors. */
class TotpTests {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void rfc6238Sha1Vectors() {
        assertThat(Totp.code(RFC_SECRET, Totp.step(59), 8)).isEqualTo("94287082");
        assertThat(Totp.code(RFC_SECRET, Totp.step(1111111109), 8)).isEqualTo("07081804");
        assertThat(Totp.code(RFC_SECRET, Totp.step(1111111111), 8)).isEqualTo("14050471");
        assertThat(Totp.code(RFC_SECRET, Totp.step(1234567890), 8)).isEqualTo("89005924");
        assertThat(Totp.code(RFC_SECRET, Totp.step(2000000000), 8)).isEqualTo("69279037");
        assertThat(Totp.code(RFC_SECRET, Totp.step(20000000000L), 8)).isEqualTo("65353130");
        // six digits: the low six of the same truncation
        assertThat(Totp.code(RFC_SECRET, Totp.step(59), 6)).isEqualTo("287082");
    }

    @Test
    void acceptsOneStepEitherSideAndEachStepOnce() {
        long now = Totp.step(1111111111);
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, now, 6), now, null)).isEqualTo(now);
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, now - 1, 6), now, null)).isEqualTo(now - 1);
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, now + 1, 6), now, null)).isEqualTo(now + 1);
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, now - 2, 6), now, null)).isEqualTo(-1);
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, now + 2, 6), now, null)).isEqualTo(-1);
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, now, 6), now, now)).isEqualTo(-1);
        assertThat(Totp.match(RFC_SECRET, "12345", now, null)).isEqualTo(-1);
        assertThat(Totp.match(RFC_SECRET, "abcdef", now, null)).isEqualTo(-1);
        assertThat(Totp.match(RFC_SECRET, null, now, null)).isEqualTo(-1);
    }

    @Test
    void base32RoundTripsRfc4648Vectors() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(new String(Totp.fromBase32("MZXW6YTBOI======"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        assertThat(Totp.base32(RFC_SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }
}
