package ng.risiti.auth.account.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import ng.risiti.auth.account.domain.BusinessType;
import ng.risiti.auth.account.domain.Plans;
import ng.risiti.auth.account.domain.Tenant;
import ng.risiti.auth.account.domain.User;
import ng.risiti.auth.account.repository.TenantRepository;
import ng.risiti.auth.account.repository.UserRepository;
import ng.risiti.auth.account.rest.LoginRequest;
import ng.risiti.auth.account.rest.RegisterRequest;
import ng.risiti.auth.mfa.service.MfaService;
import ng.risiti.auth.session.service.SessionService;
import ng.risiti.auth.settings.domain.TenantSettings;
import ng.risiti.auth.settings.service.TenantEvents;
import ng.risiti.auth.team.domain.Role;
import ng.risiti.auth.token.service.AccessTokens;
import ng.risiti.platform.concurrent.Offload;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import ng.risiti.platform.error.UniqueViolation;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.Outbox;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.time.Clocks;

/** Sign-up, sign-in and "who am I". Argon2 and RSA run on workers; the database work between them is one transaction. */
@ApplicationScoped
public class AuthService {

    /** Where a sign-in came from, kept on the session for the user's "active sessions" view. */
    public record Client(String userAgent, String ipAddress) {
    }

    /** A user with a fresh session: what register and login answer with. */
    public record SignedIn(User user, Tenant tenant, String accessToken, SessionService.Opened session) {
    }

    /** What a correct password gets: a session, or (MFA on) a challenge to complete with POST /auth/mfa/verify. */
    public record LoginOutcome(SignedIn signedIn, MfaService.Challenge mfaChallenge) {
    }

    /** The user and tenant an authenticated caller acts as. */
    public record Profile(User user, Tenant tenant) {
    }

    static final String BAD_CREDENTIALS = "Invalid email or password.";

    private final TenantRepository tenants;
    private final UserRepository users;
    private final SessionService sessions;
    private final PasswordHasher passwords;
    private final AccessTokens tokens;
    private final Outbox outbox;
    private final LoginThrottle throttle;
    private final MfaService mfa;
    private final Clock clock;

    public AuthService(TenantRepository tenants, UserRepository users, SessionService sessions, PasswordHasher passwords,
            AccessTokens tokens, Outbox outbox, LoginThrottle throttle, MfaService mfa, Clock clock) {
        this.throttle = throttle;
        this.mfa = mfa;
        this.tenants = tenants;
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
        this.tokens = tokens;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Creates the tenant and its owner, announces both on {@code risiti.tenants.v1}, and signs the owner in. */
    public Uni<SignedIn> register(RegisterRequest request, Client client) {
        String email = normalizeEmail(request.email());
        return Offload.run(() -> passwords.hash(request.password()))
                .flatMap(hash -> Panache.withTransaction(() -> users.emailTaken(email).flatMap(taken -> {
                    if (taken) {
                        return Uni.createFrom().failure(emailConflict());
                    }
                    OffsetDateTime now = Clocks.now(clock);
                    Tenant tenant = newTenant(request, now);
                    User owner = newOwner(request, email, hash, tenant, now);
                    return tenants.persist(tenant)
                            .flatMap(ignored -> users.persist(owner))
                            .flatMap(ignored -> outbox.emit(Topics.TENANTS, EventTypes.TENANT_CREATED, tenant.id.toString(), tenant.id,
                                    TenantEvents.state(tenant, TenantSettings.defaults(tenant.id), null)))
                            .flatMap(ignored -> outbox.emit(Topics.TENANTS, EventTypes.USER_CREATED, tenant.id.toString(), tenant.id,
                                    TenantEvents.state(tenant, TenantSettings.defaults(tenant.id), owner)))
                            .flatMap(ignored -> sessions.open(tenant.id, owner.id, client.userAgent(), client.ipAddress()))
                            .map(session -> new SignedIn(owner, tenant, null, session));
                })))
                // two sign-ups racing for one email: the unique index decides, the loser gets the same 409
                .onFailure(UniqueViolation::in).transform(ignored -> emailConflict())
                .flatMap(this::withAccessToken);
    }

    /**
     * Wrong email and wrong password answer the same, after the same Argon2 work, and both count towards the
     * throttle. Accounts created through OAuth have no password: 400 OAUTH_ACCOUNT. With MFA on, a correct password
     * yields a challenge, not a session.
     */
    public Uni<LoginOutcome> login(LoginRequest request, Client client) {
        String email = normalizeEmail(request.email());
        String throttleKey = LoginThrottle.key(email, client.ipAddress());
        return throttle.check(throttleKey)
                .flatMap(ignored -> Panache.withSession(() -> users.findByEmail(email)))
                .flatMap(user -> {
                    if (user != null && user.signsInWithOAuthOnly()) {
                        return Uni.createFrom().<User>failure(new ApiException(ErrorCode.OAUTH_ACCOUNT,
                                "This account was created with Google or Microsoft. Sign in with OAuth."));
                    }
                    return Offload.run(() -> user == null
                                    ? passwords.verifyNothing(request.password())
                                    : passwords.verify(user.passwordHash, request.password()))
                            .flatMap(valid -> valid
                                    ? throttle.reset(throttleKey).replaceWith(user)
                                    : throttle.recordFailure(throttleKey).flatMap(none -> Uni.createFrom().<User>failure(
                                            ApiException.unauthorized(BAD_CREDENTIALS))));
                })
                .flatMap(user -> Panache.withTransaction(() -> {
                    if (user.mfaEnabled) {
                        return mfa.openChallenge(user, client.userAgent(), client.ipAddress())
                                .map(challenge -> new LoginOutcome(null, challenge));
                    }
                    return tenants.findById(user.tenantId)
                            .flatMap(tenant -> sessions.open(tenant.id, user.id, client.userAgent(), client.ipAddress())
                                    .map(session -> new LoginOutcome(new SignedIn(user, tenant, null, session), null)));
                }))
                .flatMap(outcome -> outcome.signedIn() == null
                        ? Uni.createFrom().item(outcome)
                        : withAccessToken(outcome.signedIn()).map(signedIn -> new LoginOutcome(signedIn, null)));
    }

    /** The caller's user (for an API key: the user who created it) and tenant. */
    public Uni<Profile> me(Caller caller) {
        if (caller.userId() == null) {
            return Uni.createFrom().failure(ApiException.unauthorized("This credential is not linked to a user."));
        }
        return Panache.withSession(() -> users.findInTenant(caller.tenantId(), caller.userId())
                .flatMap(user -> user == null
                        ? Uni.createFrom().failure(ApiException.unauthorized("The user of this credential no longer exists."))
                        : tenants.findById(user.tenantId).map(tenant -> new Profile(user, tenant))));
    }

    private Uni<SignedIn> withAccessToken(SignedIn signedIn) {
        return Offload.run(() -> tokens.issue(signedIn.user().id, signedIn.tenant().id, signedIn.user().role, signedIn.session().sessionId()))
                .map(token -> new SignedIn(signedIn.user(), signedIn.tenant(), token, signedIn.session()));
    }

    private static Tenant newTenant(RegisterRequest request, OffsetDateTime now) {
        Tenant tenant = new Tenant();
        tenant.id = UuidV7.next();
        tenant.name = request.businessName().trim();
        tenant.tin = request.tin();
        tenant.businessType = BusinessType.fromWire(request.businessType());
        tenant.planSlug = request.planSlug() == null ? Plans.FREE : request.planSlug();
        tenant.createdAt = now;
        tenant.updatedAt = now;
        return tenant;
    }

    private static User newOwner(RegisterRequest request, String email, String passwordHash, Tenant tenant, OffsetDateTime now) {
        User user = new User();
        user.id = UuidV7.next();
        user.tenantId = tenant.id;
        user.email = email;
        user.passwordHash = passwordHash;
        user.firstName = request.firstName().trim();
        user.lastName = request.lastName().trim();
        user.role = Role.OWNER;
        user.mfaEnabled = false;
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }


    private static ApiException emailConflict() {
        return ApiException.conflict("An account with this email already exists.");
    }

}
