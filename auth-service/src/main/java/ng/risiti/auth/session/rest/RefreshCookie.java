package ng.risiti.auth.session.rest;

import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;

/** The refresh-token cookie: never readable by scripts, sent only to the auth endpoints, only over HTTPS. */
public final class RefreshCookie {

    public static final String NAME = "refresh_token";
    public static final String PATH = "/api/v1/auth";

    private RefreshCookie() {
    }

    public static NewCookie of(String token, Duration lifetime) {
        return new NewCookie.Builder(NAME)
                .value(token)
                .path(PATH)
                .maxAge((int) lifetime.toSeconds())
                .httpOnly(true)
                .secure(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }

    /** Tells the browser to drop the cookie (same name, path and flags, expired). */
    public static NewCookie cleared() {
        return new NewCookie.Builder(NAME)
                .value("")
                .path(PATH)
                .maxAge(0)
                .expiry(new java.util.Date(0))
                .httpOnly(true)
                .secure(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
