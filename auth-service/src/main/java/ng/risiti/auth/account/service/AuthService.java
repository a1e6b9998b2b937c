package ng.risiti.auth.account.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import ng.risiti.auth.account.domain.BusinessType;
import ng.risiti.auth.account.domain.Plans;
import ng.risiti.auth.account.domain.Tenant;
import ng.risiti.auth.account.domain.User;
import ng.risiti.auth.account.repository.UserRepository;
import ng.risiti.auth.mfa.service.MfaService;
import ng.risiti.auth.session.domain.Client;
import ng.risiti.auth.session.service.SignIn;
import ng.risiti.auth.settings.service.Tenants;
import ng.risiti.auth.team.domain.Role;
import ng.risiti.platform.concurrent.Offload;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import ng.risiti.platform.error.UniqueViolation;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.time.Clocks;

/** Sign-up, sign-in and "who am I". Argon2 and RSA run on workers; the database work between them is one transaction. */
@ApplicationScoped
public class AuthService {

    /** A sign-up: the owner and the business. {@code tin} and {@code planSlug} may be null (the free plan). */
    public record NewAccount(String firstName, String lastName, String email, String password, String businessName,
            BusinessType businessType, String tin, String planSlug) {

        @Override
        public String toString() {
            return "NewAccount[email=" + email + ", password=***]";
        }
    }

    /** The user and tenant an authenticated caller acts as. */
    public record Profile(User user, Tenant tenant) {
    }

    static final String BAD_CREDENTIALS = "Invalid email or password.";

    private final UserRepository users;
    private final Accounts accounts;
    private final Tenants tenants;
    private final PasswordHasher passwords;
    private final LoginThrottle throttle;
    private final SignIn signIn;
    private final MfaService mfa;
    private final Clock clock;

    public AuthService(UserRepository users, Accounts accounts, Tenants tenants, PasswordHasher passwords, LoginThrottle throttle,
            SignIn signIn, MfaService mfa, Clock clock) {
        this.users = users;
        this.accounts = accounts;
        this.tenants = tenants;
        this.passwords = passwords;
        this.throttle = throttle;
        this.signIn = signIn;
        this.mfa = mfa;
        this.clock = clock;
    }

    /** Creates the tenant and its owner, announces both on {@code risiti.tenants.v1}, and signs the owner in. */
    public Uni<SignIn.SignedIn> register(NewAccount account, Client client) {
        String email = User.normalizeEmail(account.email());
        return Offload.run(() -> passwords.hash(account.password()))
                .flatMap(hash -> Panache.withTransaction(() -> accounts.requireEmailFree(email).flatMap(free -> {
                    OffsetDateTime now = Clocks.now(clock);
                    Tenant tenant = Tenant.create(account.businessName().trim(), account.tin(), account.businessType(),
                            account.planSlug() == null ? Plans.FREE : account.planSlug(), now);
                    User owner = User.create(tenant.id, email, hash, account.firstName().trim(), account.lastName().trim(), Role.OWNER, now);
                    return accounts.open(tenant, owner).flatMap(ignored -> signIn.open(owner, client));
                })))
                // two sign-ups racing for one email: the unique index decides, the loser gets the same 409
                .onFailure(UniqueViolation::in).transform(ignored -> Accounts.emailTaken())
                .flatMap(signIn::complete);
    }

    /**
     * Wrong email and wrong password answer the same, after the same Argon2 work, and both count towards the
     * throttle. Accounts created through OAuth have no password: 400 OAUTH_ACCOUNT. With MFA on, a correct password
     * yields a challenge, not a session.
     */
    public Uni<MfaService.Outcome> login(String rawEmail, String password, Client client) {
        String email = User.normalizeEmail(rawEmail);
        String throttleKey = LoginThrottle.key(email, client.ipAddress());
        return throttle.check(throttleKey)
                .flatMap(ignored -> Panache.withSession(() -> users.findByEmail(email)))
                .flatMap(user -> {
                    if (user != null && user.signsInWithOAuthOnly()) {
                        return Uni.createFrom().<User>failure(new ApiException(ErrorCode.OAUTH_ACCOUNT,
                                "This account was created with Google or Microsoft. Sign in with OAuth."));
                    }
                    return Offload.run(() -> user == null
                                    ? passwords.verifyNothing(password)
                                    : passwords.verify(user.passwordHash, password))
                            .flatMap(valid -> valid
                                    ? throttle.reset(throttleKey).replaceWith(user)
                                    : throttle.recordFailure(throttleKey).flatMap(none -> Uni.createFrom().<User>failure(
                                            ApiException.unauthorized(BAD_CREDENTIALS))));
                })
                .flatMap(user -> Panache.withTransaction(() -> mfa.firstFactorPassed(user, client)))
                .flatMap(mfa::finish);
    }

    /** The caller's user (for an API key: the user who created it) and tenant. */
    public Uni<Profile> me(Caller caller) {
        if (caller.userId() == null) {
            return Uni.createFrom().failure(ApiException.unauthorized("This credential is not linked to a user."));
        }
        return Panache.withSession(() -> accounts.member(caller.tenantId(), caller.userId())
                .flatMap(user -> user == null
                        ? Uni.createFrom().failure(ApiException.unauthorized("The user of this credential no longer exists."))
                        : tenants.find(user.tenantId).map(tenant -> new Profile(user, tenant))));
    }
}
