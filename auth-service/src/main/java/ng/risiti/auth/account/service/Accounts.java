package ng.risiti.auth.account.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import ng.risiti.auth.account.domain.Tenant;
import ng.risiti.auth.account.domain.User;
import ng.risiti.auth.account.repository.UserRepository;
import ng.risiti.auth.settings.service.Tenants;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.events.EventTypes;

/**
 * The users and tenants every account is made of, for sign-up here and for the contexts that make accounts too
 * (OAuth's first sign-in, accepting an invitation). Each joins the caller's session or transaction.
 */
@ApplicationScoped
public class Accounts {

    static final String EMAIL_TAKEN = "An account with this email already exists.";

    private final UserRepository users;
    private final Tenants tenants;

    public Accounts(UserRepository users, Tenants tenants) {
        this.users = users;
        this.tenants = tenants;
    }

    /** Fails with 409 when a current member (of any tenant) has {@code email} (normalized). */
    public Uni<Void> requireEmailFree(String email) {
        return users.emailTaken(email).flatMap(taken -> taken
                ? Uni.createFrom().failure(emailTaken())
                : Uni.createFrom().voidItem());
    }

    /** The 409 of a second account with one email, also when the unique index decides a race. */
    public static ApiException emailTaken() {
        return ApiException.conflict(EMAIL_TAKEN);
    }

    /** A current member of the tenant, or null; removed members and other tenants' users are not found. */
    public Uni<User> member(UUID tenantId, UUID userId) {
        return users.findInTenant(tenantId, userId);
    }

    /** A current member by email (normalized), or null. */
    public Uni<User> findByEmail(String email) {
        return users.findByEmail(email);
    }

    /** Any user, removed members included, or null. */
    public Uni<User> findById(UUID userId) {
        return users.findById(userId);
    }

    /** A new tenant with its owner: stored and announced, {@code tenant.created} then {@code user.created}. */
    public Uni<User> open(Tenant tenant, User owner) {
        return tenants.open(tenant).flatMap(created -> join(created, owner));
    }

    /** A new user of the locked tenant: stored and announced ({@code user.created}). */
    public Uni<User> join(Tenants.Locked tenant, User user) {
        return users.persist(user)
                .flatMap(ignored -> tenants.announce(EventTypes.USER_CREATED, tenant, user))
                .replaceWith(user);
    }
}
