package ng.risiti.webhook.deliveries.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two signatures on every delivery (docs/webhooks.md). {@code X-Risiti-Signature}: hex HMAC-SHA256 of the raw
 * body keyed with the secret's bytes, the API reference's recipe. Standard Webhooks ({@code webhook-signature}):
 * {@code v1,} and base64 HMAC-SHA256 of {@code <webhook-id>.<webhook-timestamp>.<body>} with the same key, so
 * receivers using the standardwebhooks libraries can also refuse replays by timestamp.
 */
public final class Signatures {

    private Signatures() {
    }

    public static String risiti(String secret, String body) {
        return HexFormat.of().formatHex(hmac(secret, body));
    }

    public static String standard(String secret, String id, long timestamp, String body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(secret, id + "." + timestamp + "." + body));
    }

    private static byte[] hmac(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
