package ng.risiti.auth.dataexport.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ng.risiti.auth.dataexport.config.DataExportConfig;
import ng.risiti.auth.dataexport.domain.DataExport;

/**
 * Download links that work without a session (from the ready mail, in a browser) for as long as the export is
 * downloadable: the token is an HMAC of the export id, so it is shown again on every status read without being
 * stored; the export's own expiry (then its deletion) ends it. The access log leaves query strings out.
 */
@ApplicationScoped
public class DownloadLinks {

    public static final String ARCHIVE_PATH = "/api/v1/settings/data-export/%s/archive?token=%s";

    private final DataExportConfig config;
    private final SecretKeySpec key;

    public DownloadLinks(DataExportConfig config) {
        this.config = config;
        this.key = new SecretKeySpec(config.linkSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String url(DataExport export) {
        String base = config.apiUrl().endsWith("/") ? config.apiUrl().substring(0, config.apiUrl().length() - 1) : config.apiUrl();
        return base + ARCHIVE_PATH.formatted(export.id, token(export));
    }

    public boolean accepts(DataExport export, String token) {
        return token != null && MessageDigest.isEqual(token(export).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
    }

    private String token(DataExport export) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] signature = mac.doFinal(("data-export|" + export.id).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
