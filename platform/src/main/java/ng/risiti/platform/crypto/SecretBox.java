package ng.risiti.auth.common;

import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * AES-256-GCM for secrets we must read back (TOTP seeds, private signing keys), under the configured key-encryption key. Each ciphertext is
 * {@code version(1) || nonce(12) || ciphertext+tag} and bound to its owner through the associated data, so a row's
 * secret copied onto another user does not decrypt. Also derives the HMAC key that hashes backup codes.
 */
@ApplicationScoped
public class SecretBox {

    /**
     * Development default of {@code risiti.auth.encryption-key}; production sets RISITI_AUTH_ENCRYPTION_KEY (base64 of
     * 32 random bytes) from a secret. A plain property, not a @ConfigMapping: a mapping on the {@code risiti.auth}
     * prefix would claim (and reject) {@code risiti.auth.url} and the other groups under it.
     */
    public static final String DEV_KEY = "b2ivFQcHlvAnxUPJPhJ6NpioHGpyJbdkODG0YOvBfVs=";
    public static final String KEY_PROPERTY = "risiti.auth.encryption-key";

    private static final Logger LOG = Logger.getLogger(SecretBox.class);
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecretKey codeHashKey;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(@ConfigProperty(name = KEY_PROPERTY, defaultValue = DEV_KEY) String encryptionKey) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(encryptionKey.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("risiti.auth.encryption-key is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("risiti.auth.encryption-key must be 32 bytes (AES-256), got " + raw.length);
        }
        if (DEV_KEY.equals(encryptionKey.trim()) && LaunchMode.current() == LaunchMode.NORMAL) {
            LOG.warn("risiti.auth.encryption-key is the development default: set RISITI_AUTH_ENCRYPTION_KEY in production");
        }
        key = new SecretKeySpec(raw, "AES");
        // a separate key for hashing, so the encryption key itself is never used as a MAC key
        codeHashKey = new SecretKeySpec(hmac(raw, "risiti backup-code hash key v1".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        Arrays.fill(raw, (byte) 0);
    }

    public byte[] encrypt(byte[] plaintext, UUID owner) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(owner));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Whether {@code bytes} is one of our ciphertexts (rows written before a secret was encrypted are not). */
    public static boolean sealed(byte[] bytes) {
        return bytes != null && bytes.length >= 1 + NONCE_BYTES + TAG_BITS / 8 && bytes[0] == VERSION;
    }

    public byte[] decrypt(byte[] box, UUID owner) {
        if (box == null || box.length < 1 + NONCE_BYTES + TAG_BITS / 8 || box[0] != VERSION) {
            throw new IllegalStateException("not a SecretBox ciphertext");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, box, 1, NONCE_BYTES));
            cipher.updateAAD(aad(owner));
            return cipher.doFinal(box, 1 + NONCE_BYTES, box.length - 1 - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt secret (wrong key or tampered row)", e);
        }
    }

    /** Keyed hash of a short secret (backup codes): without the key a leaked table cannot be brute-forced. */
    public String keyedHash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(codeHashKey);
            return java.util.HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] aad(UUID owner) {
        return ("user:" + owner).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
