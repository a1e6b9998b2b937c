package ng.risiti.auth.oauth.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import ng.risiti.auth.account.domain.BusinessType;
import ng.risiti.auth.account.domain.Plans;
import ng.risiti.auth.account.domain.Tenant;
import ng.risiti.auth.account.domain.User;
import ng.risiti.auth.account.service.Accounts;
import ng.risiti.auth.mfa.service.MfaService;
import ng.risiti.auth.oauth.config.OAuthConfig;
import ng.risiti.auth.oauth.domain.OAuthLink;
import ng.risiti.auth.oauth.domain.OAuthState;
import ng.risiti.auth.oauth.repository.OAuthLinkRepository;
import ng.risiti.auth.oauth.repository.OAuthStateRepository;
import ng.risiti.auth.session.domain.Client;
import ng.risiti.auth.team.domain.Role;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import ng.risiti.platform.error.UniqueViolation;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Credentials;
import ng.risiti.platform.time.Clocks;

/**
 * Sign-in with Google or Microsoft: OpenID Connect authorization code flow with PKCE (S256), {@code state} and
 * {@code nonce}. The first sign-in of a provider account provisions a tenant and its owner, as register does.
 */
@ApplicationScoped
public class OAuthService {

    public static final String GOOGLE = "google";
    public static final String MICROSOFT = "microsoft";

    /** Where to send the browser, and the cookie value that binds the callback to this browser. */
    public record Started(String authorizationUrl, String binding) {
    }

    /** A finished callback: a session, or (MFA on) the same challenge password login answers with. */
    public record Completed(MfaService.Outcome outcome, String redirectTo, boolean newAccount) {
    }

    private record Consumed(String codeVerifier, String nonce, String redirectTo) {
    }

    private record Resolved(User user, boolean created) {
    }

    private final OAuthConfig config;
    private final OidcClient oidc;
    private final OAuthStateRepository states;
    private final OAuthLinkRepository links;
    private final Accounts accounts;
    private final MfaService mfa;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public OAuthService(OAuthConfig config, OidcClient oidc, OAuthStateRepository states, OAuthLinkRepository links, Accounts accounts,
            MfaService mfa, Clock clock) {
        this.config = config;
        this.oidc = oidc;
        this.states = states;
        this.links = links;
        this.accounts = accounts;
        this.mfa = mfa;
        this.clock = clock;
    }

    /** Records a new sign-in attempt and builds the provider's authorization URL. */
    public Uni<Started> start(String provider, String redirectTo) {
        OAuthConfig.Provider settings;
        try {
            settings = configured(provider);
            checkRedirect(redirectTo);
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        String state = randomToken(32);
        String binding = randomToken(32);
        String verifier = randomToken(32); // 43 characters: RFC 7636 asks for 43..128
        String nonce = randomToken(24);
        OffsetDateTime now = Clocks.now(clock);
        OAuthState row = new OAuthState();
        row.id = UuidV7.next();
        row.provider = provider;
        row.stateHash = Credentials.hash(state);
        row.bindingHash = Credentials.hash(binding);
        row.codeVerifier = verifier;
        row.nonce = nonce;
        row.redirectTo = redirectTo;
        row.createdAt = now;
        row.expiresAt = now.plus(config.stateLifetime());

        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId().orElseThrow());
        query.put("redirect_uri", redirectUri(provider, settings));
        query.put("scope", settings.scope());
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", s256(verifier));
        query.put("code_challenge_method", "S256");
        if (MICROSOFT.equals(provider)) {
            query.put("response_mode", "query");
        }
        String endpoint = settings.authorizationEndpoint();
        String url = endpoint + (endpoint.contains("?") ? "&" : "?") + query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return Panache.withTransaction(() -> states.persist(row)).replaceWith(new Started(url, binding));
    }

    /**
     * The provider sent the browser back. The state is checked and spent first (a failed exchange still spends it),
     * then the code is exchanged and the ID token verified outside any transaction; the account work and the new
     * session share one transaction.
     */
    public Uni<Completed> complete(String provider, String code, String state, String error, String binding, Client client) {
        OAuthConfig.Provider settings;
        try {
            settings = configured(provider);
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        return consume(provider, state, binding)
                .flatMap(consumed -> {
                    if (error != null && !error.isBlank()) {
                        return Uni.createFrom().failure(ApiException.unauthorized(OidcClient.displayName(provider)
                                + " did not complete the sign-in (" + error.replaceAll("[^A-Za-z0-9_.-]", "") + "). Start again."));
                    }
                    if (code == null || code.isBlank() || code.length() > 4096) {
                        return Uni.createFrom().failure(ApiException.validation("code", "The provider sent no authorization code."));
                    }
                    return oidc.exchange(provider, settings, redirectUri(provider, settings), code, consumed.codeVerifier())
                            .flatMap(idToken -> oidc.verify(provider, settings, idToken, consumed.nonce()))
                            .flatMap(identity -> signIn(provider, identity, client))
                            .map(outcome -> new Completed(outcome.outcome(), consumed.redirectTo(), outcome.newAccount()));
                });
    }

    private Uni<Consumed> consume(String provider, String state, String binding) {
        if (state == null || state.isBlank() || state.length() > 256) {
            return Uni.createFrom().failure(ApiException.validation("state", "The state parameter is missing."));
        }
        return Panache.withTransaction(() -> states.findByHashForUpdate(Credentials.hash(state)).map(row -> {
            OffsetDateTime now = Clocks.now(clock);
            if (row == null || !row.provider.equals(provider)) {
                throw ApiException.validation("state", "This sign-in is unknown. Start again.");
            }
            if (row.usedAt != null) {
                throw ApiException.validation("state", "This sign-in was already completed. Start again.");
            }
            if (!row.expiresAt.isAfter(now)) {
                throw ApiException.validation("state", "This sign-in has expired. Start again.");
            }
            if (binding == null || !MessageDigest.isEqual(row.bindingHash.getBytes(StandardCharsets.US_ASCII),
                    Credentials.hash(binding).getBytes(StandardCharsets.US_ASCII))) {
                throw ApiException.validation("state", "This sign-in was started in another browser. Start again here.");
            }
            row.usedAt = now;
            return new Consumed(row.codeVerifier, row.nonce, row.redirectTo);
        }));
    }

    private record SignInOutcome(MfaService.Outcome outcome, boolean newAccount) {
    }

    private Uni<SignInOutcome> signIn(String provider, OidcClient.Identity identity, Client client) {
        if (identity.email() == null || identity.email().isBlank()) {
            return Uni.createFrom().failure(ApiException.unprocessable(OidcClient.displayName(provider)
                    + " did not share an email address; allow the email permission and try again."));
        }
        String email = User.normalizeEmail(identity.email());
        record FirstFactor(MfaService.Passed passed, boolean newAccount) {
        }
        return Panache.withTransaction(() -> resolve(provider, identity, email).flatMap(resolved ->
                        mfa.firstFactorPassed(resolved.user(), client).map(passed -> new FirstFactor(passed, resolved.created()))))
                // two first sign-ins racing for one email or provider account: the unique index decides
                .onFailure(UniqueViolation::in).transform(ignored -> ApiException.conflict(
                        "This account was just created by another sign-in. Sign in again."))
                .flatMap(result -> mfa.finish(result.passed()).map(outcome -> new SignInOutcome(outcome, result.newAccount())));
    }

    /**
     * Known provider account → its user. Otherwise an existing user with the email is linked only when it is an
     * OAuth-only account of this provider and the provider vouches for the email; a password account is never taken
     * over (409). Otherwise a new tenant and owner.
     */
    private Uni<Resolved> resolve(String provider, OidcClient.Identity identity, String email) {
        OffsetDateTime now = Clocks.now(clock);
        return links.findBySubject(provider, identity.subject()).flatMap(link -> {
            if (link != null) {
                link.lastLoginAt = now;
                link.email = email;
                return accounts.findById(link.userId).flatMap(user -> {
                    if (user == null || user.removedAt != null) {
                        return Uni.createFrom().<Resolved>failure(ApiException.unauthorized("This account was removed from its team."));
                    }
                    return Uni.createFrom().item(new Resolved(user, false));
                });
            }
            return accounts.findByEmail(email).flatMap(existing -> {
                if (existing != null) {
                    // Microsoft does not say whether an email is verified: only an explicit yes may link (no nOAuth takeover)
                    boolean linkable = existing.signsInWithOAuthOnly() && provider.equals(existing.oauthProvider)
                            && Boolean.TRUE.equals(identity.emailVerified());
                    if (!linkable) {
                        return Uni.createFrom().<Resolved>failure(ApiException.conflict(
                                "An account with this email already exists. Sign in with its password (or the provider it was created with)."));
                    }
                    return links.persist(newLink(existing, provider, identity.subject(), email, now))
                            .map(ignored -> new Resolved(existing, false));
                }
                return provision(provider, identity, email, now);
            });
        });
    }

    /** A new tenant ({@code individual}, free plan) and its owner, who has no password: they sign in with the provider. */
    private Uni<Resolved> provision(String provider, OidcClient.Identity identity, String email, OffsetDateTime now) {
        Tenant tenant = Tenant.create(businessName(identity, email), null, BusinessType.INDIVIDUAL, Plans.FREE, now);
        String[] names = names(identity, email);
        User owner = User.create(tenant.id, email, null, names[0], names[1], Role.OWNER, now);
        owner.oauthProvider = provider;
        return accounts.open(tenant, owner)
                .flatMap(ignored -> links.persist(newLink(owner, provider, identity.subject(), email, now)))
                .map(ignored -> new Resolved(owner, true));
    }

    /** States live minutes; rows an hour past expiry only take space. */
    @Scheduled(every = "15m", delayed = "3m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetExpiredStates() {
        return Panache.withTransaction(() -> states.deleteExpired(Clocks.now(clock).minusHours(1))).replaceWithVoid();
    }

    /** The allow-list check for {@code ?redirect_to=}; null means the web app's default landing page. */
    void checkRedirect(String redirectTo) {
        if (redirectTo == null) {
            return;
        }
        boolean allowed = redirectTo.length() <= 2048 && !redirectTo.contains("\\") && !redirectTo.contains("@")
                && config.redirectAllowList().stream().anyMatch(entry -> !entry.isBlank()
                        && (redirectTo.equals(entry) || entry.endsWith("/") && redirectTo.startsWith(entry)));
        if (!allowed) {
            throw ApiException.validation("redirect_to", "This redirect target is not allowed.");
        }
    }

    /** Unknown provider: 404, like any unknown path. Known but without credentials here: 422 saying so. */
    public OAuthConfig.Provider configured(String provider) {
        OAuthConfig.Provider settings = switch (provider == null ? "" : provider) {
            case GOOGLE -> config.google();
            case MICROSOFT -> config.microsoft();
            default -> throw new ApiException(ErrorCode.NOT_FOUND, "There is no OAuth provider '" + safe(provider) + "'. Use google or microsoft.");
        };
        if (!settings.configured()) {
            throw ApiException.unprocessable("Sign-in with " + OidcClient.displayName(provider) + " is not configured on this server.");
        }
        return settings;
    }

    public String landingUrl(String redirectTo) {
        return redirectTo != null ? redirectTo : config.webUrl() + "/oauth/complete";
    }

    private static String redirectUri(String provider, OAuthConfig.Provider settings) {
        return settings.redirectUri().replace("{provider}", provider);
    }

    private static OAuthLink newLink(User user, String provider, String subject, String email, OffsetDateTime now) {
        OAuthLink link = new OAuthLink();
        link.id = UuidV7.next();
        link.userId = user.id;
        link.provider = provider;
        link.subject = subject;
        link.email = email;
        link.createdAt = now;
        link.lastLoginAt = now;
        return link;
    }

    /** The profile name when the provider shares one (rename later in settings), else the email's domain. */
    static String businessName(OidcClient.Identity identity, String email) {
        String name = identity.name() != null && !identity.name().isBlank() ? identity.name().trim()
                : String.join(" ", nonBlank(identity.givenName()), nonBlank(identity.familyName())).trim();
        if (!name.isEmpty()) {
            return truncate(name, 200);
        }
        return email.substring(email.indexOf('@') + 1);
    }

    static String[] names(OidcClient.Identity identity, String email) {
        String given = nonBlank(identity.givenName()).trim();
        String family = nonBlank(identity.familyName()).trim();
        if (given.isEmpty() && family.isEmpty() && identity.name() != null && !identity.name().isBlank()) {
            String full = identity.name().trim();
            int space = full.lastIndexOf(' ');
            given = space < 0 ? full : full.substring(0, space).trim();
            family = space < 0 ? "" : full.substring(space + 1).trim();
        }
        if (given.isEmpty()) {
            given = email.substring(0, email.indexOf('@'));
        }
        return new String[] {truncate(given, 100), truncate(family, 100)};
    }

    private static String nonBlank(String value) {
        return value == null ? "" : value;
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static String safe(String value) {
        String cleaned = value == null ? "" : value.replaceAll("[^A-Za-z0-9_.-]", "");
        return cleaned.length() > 32 ? cleaned.substring(0, 32) : cleaned;
    }

    private String randomToken(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }


}
