package ng.risiti.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.jose4j.jwt.consumer.InvalidJwtException;

/** Facts about credentials every service needs identically: API-key shape and hashing, token expiry. */
public final class Credentials {

    public static final String LIVE_PREFIX = "rs_live_";
    public static final String TEST_PREFIX = "rs_test_";
    private static final Pattern API_KEY = Pattern.compile("rs_(live|test)_[0-9a-f]{40}");

    private Credentials() {
    }

    public static boolean looksLikeApiKey(String value) {
        return value != null && API_KEY.matcher(value).matches();
    }

    /** Keys carry 160 random bits, so one SHA-256 is enough to store and look them up; no slow hash needed. */
    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when an authentication failure was caused by an expired JWT (seed: 401 TOKEN_EXPIRED). */
    public static boolean expired(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidJwtException invalid && invalid.hasExpired()) {
                return true;
            }
            if (t instanceof ExpiredCredentialException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** True when authentication could not be decided because auth-service was unreachable (seed: 503, not 401). */
    public static boolean lookupUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiKeyRegistry.LookupUnavailable) {
                return true;
            }
        }
        return false;
    }

    /** Raised when a credential was valid once but is no longer. */
    public static final class ExpiredCredentialException extends RuntimeException {
        public ExpiredCredentialException(String message) {
            super(message, null, false, false);
        }
    }
}
