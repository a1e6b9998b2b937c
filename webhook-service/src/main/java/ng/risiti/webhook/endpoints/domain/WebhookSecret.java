package ng.risiti.webhook.endpoints.domain;

import java.security.SecureRandom;
import java.util.HexFormat;

/** An endpoint's signing secret as the API reference shows it: {@code whs_} and 32 lowercase hex (128 random bits). */
public final class WebhookSecret {

    public static final String PREFIX = "whs_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {
    }

    public static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return PREFIX + HexFormat.of().formatHex(bytes);
    }

    /** What SecretBox binds the sealed secret to, so a secret copied onto another endpoint's row does not open. */
    public static String boxContext(java.util.UUID endpointId) {
        return "webhook-secret:" + endpointId;
    }
}
