package ng.risiti.platform.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.SmallRyeConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * In production a service refuses to start while a secret still has the value packaged in its jar (the development
 * defaults that make the local stack and tests run without setup). The message names each setting. Secrets every
 * service has are listed here; a service adds its own in {@code risiti.production-secrets}. The local stack
 * ({@code RISITI_LOCAL_MODE=true}) runs the production profile with the development values on purpose.
 */
@ApplicationScoped
public class ProductionSecrets {

    static final List<String> EVERY_SERVICE = List.of("risiti.cursor.secret", "risiti.internal.service-token", "risiti.encryption-key");
    /** Ordinals above this are set from outside the jar: environment (300), system properties (400), config/ files (260). */
    private static final int PACKAGED_ORDINAL = 250;

    void check(@Observes @Priority(0) StartupEvent ignored, Config config) {
        if (LaunchMode.current() != LaunchMode.NORMAL || config.getOptionalValue("risiti.local-mode", Boolean.class).orElse(false)) {
            return;
        }
        List<String> unset = unsetSecrets(config.unwrap(SmallRyeConfig.class));
        if (!unset.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production with development secrets: set " + String.join(", ", unset)
                    + " (for example from a Kubernetes Secret as environment variables; see docs/architecture.md, 'Secrets to set in production').");
        }
    }

    /** Each secret setting (and its environment variable) whose value is missing or comes from inside the jar. */
    static List<String> unsetSecrets(SmallRyeConfig config) {
        Set<String> names = new LinkedHashSet<>(EVERY_SERVICE);
        config.getOptionalValues("risiti.production-secrets", String.class).ifPresent(names::addAll);
        List<String> unset = new ArrayList<>();
        for (String name : names) {
            ConfigValue value = config.getConfigValue(name);
            if (value == null || value.getValue() == null || value.getValue().isBlank() || value.getSourceOrdinal() <= PACKAGED_ORDINAL) {
                unset.add(name + " (" + name.toUpperCase().replaceAll("[^A-Z0-9]", "_") + ")");
            }
        }
        return unset;
    }
}
