package ng.risiti.auth.account.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.WithDefault;
import ng.risiti.auth.account.config.AccountConfig;
import org.junit.jupiter.api.Test;

/** The production cost of a password hash, and that hashes of any cost keep verifying. */
class PasswordHasherTests {

    @Test
    void newHashesCostOwaspsMinimumUnlessConfiguredOtherwiseAndOnlyTestsMayGoBelowIt() throws Exception {
        assertThat(AccountConfig.class.getMethod("passwordHashMemoryKib").getAnnotation(WithDefault.class).value()).isEqualTo("19456");
        assertThat(AccountConfig.class.getMethod("passwordHashIterations").getAnnotation(WithDefault.class).value()).isEqualTo("2");

        String hash = new PasswordHasher(19456, 2, false).hash("Secure123!");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");

        assertThatThrownBy(() -> new PasswordHasher(1024, 2, false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("below OWASP's minimum");
        assertThatThrownBy(() -> new PasswordHasher(19456, 1, false)).isInstanceOf(IllegalStateException.class);
        assertThat(new PasswordHasher(1024, 1, true).hash("Secure123!")).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
    }

    @Test
    void aHashVerifiesWithTheCostItWasMadeWithWhateverTheCurrentCostIs() {
        PasswordHasher production = new PasswordHasher(19456, 2, false);
        PasswordHasher cheap = new PasswordHasher(1024, 1, true);

        String made = cheap.hash("Secure123!");
        assertThat(production.verify(made, "Secure123!")).isTrue();
        assertThat(production.verify(made, "Secure123?")).isFalse();
        assertThat(cheap.verify(production.hash("Secure123!"), "Secure123!")).isTrue();
        assertThat(production.verify("not a hash", "Secure123!")).isFalse();
        assertThat(production.verify(null, "Secure123!")).isFalse();
    }
}
