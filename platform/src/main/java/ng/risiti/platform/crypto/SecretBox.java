package ng.risiti.platform.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * AES-256-GCM for what a service must read back but never keep in the clear (TOTP seeds, private signing keys,
 * stored idempotent responses), under the service's key-encryption key {@code risiti.encryption-key}
 * ({@code RISITI_ENCRYPTION_KEY}: base64 of 32 random bytes; the packaged development key is refused in production).
 * Each ciphertext is {@code version(1) || nonce(12) || ciphertext+tag} and bound to what it belongs to through the
 * associated data, so a secret copied onto another row does not decrypt. Also derives keys for keyed hashes, so the
 * encryption key itself is never used as a MAC key.
 */
@ApplicationScoped
public class SecretBox {

    public static final String KEY_PROPERTY = "risiti.encryption-key";

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final byte[] derivationKey;
    private final SecretKey codeHashKey;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(@ConfigProperty(name = KEY_PROPERTY) String encryptionKey) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(encryptionKey.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(KEY_PROPERTY + " is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException(KEY_PROPERTY + " must be 32 bytes (AES-256), got " + raw.length);
        }
        key = new SecretKeySpec(raw, "AES");
        derivationKey = hmac(raw, "risiti key derivation v1".getBytes(StandardCharsets.UTF_8));
        codeHashKey = new SecretKeySpec(hmac(raw, "risiti backup-code hash key v1".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        Arrays.fill(raw, (byte) 0);
    }

    /** Encrypts {@code plaintext} for {@code context} (what it belongs to: {@code "invoice-signing-key:<tenant>"}). */
    public byte[] seal(byte[] plaintext, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Decrypts what {@link #seal} sealed for the same {@code context}; fails on a wrong key, context or a tampered box. */
    public byte[] open(byte[] box, String context) {
        if (!sealed(box)) {
            throw new IllegalStateException("not a SecretBox ciphertext");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, box, 1, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(box, 1 + NONCE_BYTES, box.length - 1 - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt secret (wrong key or tampered row)", e);
        }
    }

    /** {@link #seal} for a secret owned by a user or key id (auth-service's TOTP seeds and signing keys). */
    public byte[] encrypt(byte[] plaintext, UUID owner) {
        return seal(plaintext, "user:" + owner);
    }

    public byte[] decrypt(byte[] box, UUID owner) {
        return open(box, "user:" + owner);
    }

    /** Whether {@code bytes} is one of our ciphertexts (rows written before a secret was encrypted are not). */
    public static boolean sealed(byte[] bytes) {
        return bytes != null && bytes.length >= 1 + NONCE_BYTES + TAG_BITS / 8 && bytes[0] == VERSION;
    }

    /** Keyed hash of a short secret (backup codes): without the key a leaked table cannot be brute-forced. */
    public String keyedHash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(codeHashKey);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A MAC key of its own for one purpose, derived from the service key (e.g. hashing idempotent request bodies). */
    public SecretKey derivedMacKey(String purpose) {
        return new SecretKeySpec(hmac(derivationKey, purpose.getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
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
