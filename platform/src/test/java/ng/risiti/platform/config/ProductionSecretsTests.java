package ng.risiti.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductionSecretsTests {

    private static final Map<String, String> PACKAGED = Map.of(
            "risiti.cursor.secret", "local-cursor-secret-override-in-production",
            "risiti.internal.service-token", "local-service-token-override-in-production",
            "risiti.encryption-key", "b2ivFQcHlvAnxUPJPhJ6NpioHGpyJbdkODG0YOvBfVs=",
            "risiti.production-secrets", "risiti.auth.data-export.link-secret",
            "risiti.auth.data-export.link-secret", "local-data-export-link-secret-override-in-production");

    @Test
    void everySecretStillAtItsPackagedValueIsNamedWithItsEnvironmentVariable() {
        assertThat(ProductionSecrets.unsetSecrets(config(Map.of()))).containsExactly(
                "risiti.cursor.secret (RISITI_CURSOR_SECRET)",
                "risiti.internal.service-token (RISITI_INTERNAL_SERVICE_TOKEN)",
                "risiti.encryption-key (RISITI_ENCRYPTION_KEY)",
                "risiti.auth.data-export.link-secret (RISITI_AUTH_DATA_EXPORT_LINK_SECRET)");
    }

    @Test
    void secretsSetFromOutsideTheJarPass() {
        assertThat(ProductionSecrets.unsetSecrets(config(Map.of(
                "risiti.cursor.secret", "x1", "risiti.internal.service-token", "x2", "risiti.encryption-key", "x3",
                "risiti.auth.data-export.link-secret", "x4")))).isEmpty();
    }

    @Test
    void aSecretSetToNothingFromOutsideIsStillUnset() {
        assertThat(ProductionSecrets.unsetSecrets(config(Map.of(
                "risiti.cursor.secret", " ", "risiti.internal.service-token", "x2", "risiti.encryption-key", "x3",
                "risiti.auth.data-export.link-secret", "x4")))).containsExactly("risiti.cursor.secret (RISITI_CURSOR_SECRET)");
    }

    private static SmallRyeConfig config(Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(PACKAGED, "jar:file:/app.jar!/application.properties", 250))
                .withSources(new PropertiesConfigSource(environment, "EnvConfigSource", 300))
                .build();
    }
}
