package ng.risiti.auth.session.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import ng.risiti.auth.session.domain.Client;
import ng.risiti.auth.session.service.SignIn;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The one place a sign-in becomes an HTTP answer: whatever body its path returns, with the refresh token as the
 * {@link RefreshCookie}. And the other way round: the {@link Client} a sign-in request comes from.
 */
public final class SignInResponses {

    private SignInResponses() {
    }

    /** {@code status} with {@code body} and the refresh cookie. */
    public static <T> RestResponse<T> of(RestResponse.Status status, T body, SignIn.SignedIn signedIn) {
        return withCookie(RestResponse.ResponseBuilder.create(status, body), signedIn).build();
    }

    /** Sets the refresh cookie on an answer built by the caller (OAuth's redirect to the web app). */
    public static <T> RestResponse.ResponseBuilder<T> withCookie(RestResponse.ResponseBuilder<T> response, SignIn.SignedIn signedIn) {
        return response.cookie(RefreshCookie.of(signedIn.refreshToken(), signedIn.refreshLifetime()));
    }

    /** The User-Agent and the client IP (the TCP peer: behind a proxy, enable {@code quarkus.http.proxy.*}). */
    public static Client client(HttpServerRequest request) {
        String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return new Client(request.getHeader(HttpHeaders.USER_AGENT), address);
    }
}
