package ng.risiti.platform.pagination;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ng.risiti.platform.config.CursorConfig;
import ng.risiti.platform.error.ApiException;

/**
 * Cursor pagination for every list endpoint. A cursor is the last row's sort key, serialized and HMAC-signed:
 * opaque to clients, and a forged or edited one is refused with 400 instead of leaking rows or failing deep in SQL.
 */
@ApplicationScoped
public class Pagination {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final TypeReference<Map<String, String>> POSITION = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final SecretKeySpec key;

    public Pagination(ObjectMapper json, CursorConfig config) {
        this.json = json;
        this.key = new SecretKeySpec(config.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Validates the raw {@code cursor} and {@code limit} query parameters (strings, so bad input is a 400, not a 404). */
    public PageRequest request(String cursor, String limit) {
        return request(cursor, limit, PageRequest.DEFAULT_LIMIT);
    }

    /** For a list whose specified page size differs from the default (customers: 20). */
    public PageRequest request(String cursor, String limit, int defaultLimit) {
        int size = defaultLimit;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > PageRequest.MAX_LIMIT) {
                throw ApiException.validation("limit", "limit must be an integer between 1 and " + PageRequest.MAX_LIMIT);
            }
        }
        return new PageRequest(size, cursor == null || cursor.isBlank() ? Map.of() : decode(cursor.trim()));
    }

    /** Cuts the {@code limit + 1} fetched rows to a page and signs the position of its last row. */
    public <T> Page<T> page(List<T> rows, PageRequest request, Function<T, Map<String, String>> position) {
        boolean more = rows.size() > request.limit();
        List<T> data = more ? rows.subList(0, request.limit()) : rows;
        String next = more ? encode(position.apply(data.get(data.size() - 1))) : null;
        return new Page<>(List.copyOf(data), next, more);
    }

    String encode(Map<String, String> position) {
        try {
            byte[] payload = json.writeValueAsBytes(position);
            return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode cursor", e);
        }
    }

    Map<String, String> decode(String cursor) {
        int dot = cursor.indexOf('.');
        try {
            if (dot > 0) {
                byte[] payload = DECODER.decode(cursor.substring(0, dot));
                byte[] signature = DECODER.decode(cursor.substring(dot + 1));
                if (MessageDigest.isEqual(signature, sign(payload))) {
                    return json.readValue(payload, POSITION);
                }
            }
        } catch (Exception ignored) {
            // any decoding failure is the same answer as a bad signature
        }
        throw ApiException.validation("cursor", "cursor is invalid; pass next_cursor from the previous page unchanged");
    }

    private byte[] sign(byte[] payload) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        return Arrays.copyOf(mac.doFinal(payload), 16);
    }
}
