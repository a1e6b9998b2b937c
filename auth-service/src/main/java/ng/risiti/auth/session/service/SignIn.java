package ng.risiti.auth.session.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import ng.risiti.auth.account.domain.Tenant;
import ng.risiti.auth.account.domain.User;
import ng.risiti.auth.session.domain.Client;
import ng.risiti.auth.settings.service.Tenants;
import ng.risiti.auth.token.config.TokenConfig;
import ng.risiti.auth.token.service.AccessTokens;
import ng.risiti.platform.concurrent.Offload;

/**
 * Finishing a sign-in, the one way every path does it (password login, registration, an MFA challenge, OAuth,
 * accepting an invitation): {@link #open} a session inside the caller's transaction, so it commits with whatever
 * signed the user in, then {@link #complete} it after the commit, which signs the access token (RSA) on a worker.
 * The resource answers with {@code SignInResponses}, which sets the refresh cookie.
 */
@ApplicationScoped
public class SignIn {

    /** A session opened in a transaction that has not committed yet: {@link #complete} it once it has. */
    public record Started(User user, Tenant tenant, SessionService.Opened session) {
    }

    /**
     * Signed in: the user and tenant (for the answer), the access token, and the refresh token the resource sets as
     * the cookie, living {@code refreshLifetime}.
     */
    public record SignedIn(User user, Tenant tenant, String accessToken, String refreshToken, Duration refreshLifetime) {
    }

    private final SessionService sessions;
    private final Tenants tenants;
    private final AccessTokens accessTokens;
    private final TokenConfig config;

    public SignIn(SessionService sessions, Tenants tenants, AccessTokens accessTokens, TokenConfig config) {
        this.sessions = sessions;
        this.tenants = tenants;
        this.accessTokens = accessTokens;
        this.config = config;
    }

    /** Opens {@code user}'s session from {@code client}, joining the caller's transaction. */
    public Uni<Started> open(User user, Client client) {
        return tenants.find(user.tenantId).flatMap(tenant -> sessions.open(tenant.id, user.id, client)
                .map(session -> new Started(user, tenant, session)));
    }

    /** After the transaction that opened the session committed: the access token for it. */
    public Uni<SignedIn> complete(Started started) {
        User user = started.user();
        return Offload.run(() -> accessTokens.issue(user.id, started.tenant().id, user.role, started.session().sessionId()))
                .map(token -> new SignedIn(user, started.tenant(), token, started.session().refreshToken(), config.refreshTokenLifetime()));
    }
}
