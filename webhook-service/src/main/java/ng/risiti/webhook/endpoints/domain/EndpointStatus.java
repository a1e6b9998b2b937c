package ng.risiti.webhook.endpoints.domain;

import java.util.Locale;
import java.util.Optional;

/** An endpoint receives deliveries while active; a paused one receives nothing (its events are logged as skipped). */
public enum EndpointStatus {
    ACTIVE, PAUSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EndpointStatus> parse(String value) {
        for (EndpointStatus status : values()) {
            if (status.wireName().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
