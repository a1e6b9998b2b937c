package ng.risiti.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CredentialsTests {

    @Test
    void apiKeysAreAPrefixAndExactly40LowercaseHex() {
        assertThat(Credentials.looksLikeApiKey("rs_live_" + "a1".repeat(20))).isTrue();
        assertThat(Credentials.looksLikeApiKey("rs_test_" + "0".repeat(40))).isTrue();
        assertThat(Credentials.looksLikeApiKey("rs_live_" + "A1".repeat(20))).isFalse();
        assertThat(Credentials.looksLikeApiKey("fp_live_a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6")).isFalse();
        assertThat(Credentials.looksLikeApiKey("rs_live_" + "0".repeat(39))).isFalse();
        assertThat(Credentials.hash("rs_live_" + "0".repeat(40))).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void aKeyIsUsableUntilRevokedOrExpired() {
        Instant now = Instant.now();
        ApiKeyState live = new ApiKeyState("h", UUID.randomUUID(), UUID.randomUUID(), null, "rs_live_abcdef", List.of("admin"), false, null, null);
        assertThat(live.usableAt(now)).isTrue();
        assertThat(new ApiKeyState("h", live.keyId(), live.tenantId(), null, "p", List.of(), false, now.minusSeconds(1), null).usableAt(now)).isFalse();
        assertThat(new ApiKeyState("h", live.keyId(), live.tenantId(), null, "p", List.of(), false, null, now).usableAt(now)).isFalse();
    }
}
