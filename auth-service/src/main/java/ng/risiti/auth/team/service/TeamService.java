package ng.risiti.auth.team.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ng.risiti.auth.account.domain.User;
import ng.risiti.auth.account.service.Accounts;
import ng.risiti.auth.account.service.PasswordHasher;
import ng.risiti.auth.apikey.service.ApiKeyService;
import ng.risiti.auth.session.domain.Client;
import ng.risiti.auth.session.service.SessionService;
import ng.risiti.auth.session.service.SignIn;
import ng.risiti.auth.settings.service.Tenants;
import ng.risiti.auth.team.config.TeamConfig;
import ng.risiti.auth.team.domain.Invitation;
import ng.risiti.auth.team.domain.Role;
import ng.risiti.auth.team.repository.InvitationRepository;
import ng.risiti.auth.team.repository.MemberRepository;
import ng.risiti.platform.concurrent.Offload;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import ng.risiti.platform.error.UniqueViolation;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.pagination.Page;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.pagination.Pagination;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.rest.Ids;
import ng.risiti.platform.security.ApiKeyState;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Credentials;
import ng.risiti.platform.time.Clocks;

/**
 * The tenant's team: members and pending invitations. Who may do what: the owner and admins manage the team, only
 * the owner grants or takes away the admin role (so only the owner changes, removes or uninvites an admin), and the
 * owner's role and membership never change. Every member change is announced on {@code risiti.tenants.v1} with the
 * whole tenant, and a member whose role changes or who is removed loses every session at once.
 */
@ApplicationScoped
public class TeamService {

    /** A row of the team list: a member or a pending invitation (exactly one is set). */
    public record Entry(User user, Invitation invitation) {

        UUID id() {
            return user != null ? user.id : invitation.id;
        }
    }

    public static final String CURSOR_ID = "id";
    static final String ADMIN_ONLY_BY_OWNER = "Only the owner can grant or remove the admin role.";
    static final String INVALID_TOKEN = "token is invalid or has expired; ask for a new invitation";
    private static final int TOKEN_BYTES = 32;
    /** Orders UUIDv7 ids as PostgreSQL does (unsigned, byte by byte), which the hex string order equals. */
    private static final Comparator<Entry> BY_ID = Comparator.comparing(entry -> entry.id().toString());

    private final MemberRepository members;
    private final InvitationRepository invitations;
    private final Accounts accounts;
    private final Tenants tenants;
    private final InvitationMailer mailer;
    private final SessionService sessions;
    private final SignIn signIn;
    private final ApiKeyService apiKeys;
    private final PasswordHasher passwords;
    private final Pagination pagination;
    private final TeamConfig config;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public TeamService(MemberRepository members, InvitationRepository invitations, Accounts accounts, Tenants tenants,
            InvitationMailer mailer, SessionService sessions, SignIn signIn, ApiKeyService apiKeys, PasswordHasher passwords,
            Pagination pagination, TeamConfig config, Clock clock) {
        this.members = members;
        this.invitations = invitations;
        this.accounts = accounts;
        this.tenants = tenants;
        this.mailer = mailer;
        this.sessions = sessions;
        this.signIn = signIn;
        this.apiKeys = apiKeys;
        this.passwords = passwords;
        this.pagination = pagination;
        this.config = config;
        this.clock = clock;
    }

    /** Members and pending invitations merged in id (= creation) order: the owner first. */
    public Uni<Page<Entry>> list(Caller caller, PageRequest page) {
        UUID after = page.first() ? null : parseCursor(page.after(CURSOR_ID));
        OffsetDateTime now = Clocks.now(clock);
        return Panache.withSession(() -> members.listMembers(caller.tenantId(), after, page.fetchSize())
                .flatMap(current -> invitations.listPending(caller.tenantId(), after, now, page.fetchSize())
                        .map(pending -> {
                            List<Entry> rows = new ArrayList<>(current.size() + pending.size());
                            current.forEach(user -> rows.add(new Entry(user, null)));
                            pending.forEach(invitation -> rows.add(new Entry(null, invitation)));
                            rows.sort(BY_ID);
                            return rows.size() > page.fetchSize() ? rows.subList(0, page.fetchSize()) : rows;
                        })))
                .map(rows -> pagination.page(rows, page, row -> Map.of(CURSOR_ID, row.id().toString())));
    }

    /**
     * Stores the invitation and sends its mail inside one transaction: if the mail cannot be sent nothing is
     * stored and the caller may simply retry. Inviting an email again replaces its pending invitation (a resend).
     */
    public Uni<Invitation> invite(Caller caller, String rawEmail, Role role) {
        String email = User.normalizeEmail(rawEmail);
        String token = newToken();
        OffsetDateTime now = Clocks.now(clock);
        return Panache.withTransaction(() -> tenants.lock(caller.tenantId()).flatMap(locked -> actor(caller).flatMap(inviter -> {
            if (role == Role.ADMIN && inviter.role != Role.OWNER) {
                return Uni.createFrom().failure(ApiException.forbidden(ADMIN_ONLY_BY_OWNER));
            }
            return accounts.requireEmailFree(email).flatMap(free -> {
                Invitation invitation = new Invitation();
                invitation.id = UuidV7.next();
                invitation.tenantId = caller.tenantId();
                invitation.email = email;
                invitation.role = role;
                invitation.tokenHash = Credentials.hash(token);
                invitation.invitedBy = inviter.id;
                invitation.createdAt = now;
                invitation.expiresAt = now.plus(config.invitationLifetime());
                return invitations.revokeOpen(caller.tenantId(), email, now)
                        .flatMap(ignored -> invitations.persist(invitation))
                        .flatMap(ignored -> invitations.flush())
                        .flatMap(ignored -> mailer.send(invitation, token, locked.tenant().name, inviter.firstName + " " + inviter.lastName)
                                .onFailure().transform(failure -> new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                                        "The invitation email could not be sent; nothing was stored. Try again.")))
                        .replaceWith(invitation);
            });
        })));
    }

    /** Creates the invited user in the inviting tenant with the invited role and signs them in. */
    public Uni<SignIn.SignedIn> accept(String token, String firstName, String lastName, String password, Client client) {
        String tokenHash = Credentials.hash(token);
        // an unknown token is refused before the Argon2 work, so a stranger cannot make us hash for nothing
        return Panache.withSession(() -> invitations.findByTokenHash(tokenHash))
                .invoke(invitation -> requirePending(invitation, Clocks.now(clock)))
                .flatMap(ignored -> Offload.run(() -> passwords.hash(password)))
                .flatMap(hash -> Panache.withTransaction(() -> invitations.findByTokenHash(tokenHash).flatMap(invitation -> {
                    OffsetDateTime now = Clocks.now(clock);
                    requirePending(invitation, now);
                    return tenants.lock(invitation.tenantId).flatMap(locked -> accounts.requireEmailFree(invitation.email).flatMap(free -> {
                        User user = User.create(invitation.tenantId, invitation.email, hash, firstName.trim(), lastName.trim(),
                                invitation.role, now);
                        invitation.acceptedAt = now;
                        invitation.acceptedUserId = user.id;
                        return accounts.join(locked, user).flatMap(joined -> signIn.open(joined, client));
                    }));
                })))
                // the same email signed up or joined meanwhile: the unique index decides
                .onFailure(UniqueViolation::in).transform(ignored -> Accounts.emailTaken())
                .flatMap(signIn::complete);
    }

    /** Changes a member's role (ending their sessions: their tokens carry the old scopes) or a pending invitation's. */
    public Uni<Entry> changeRole(Caller caller, String id, Role role) {
        UUID targetId = Ids.parse(id, "Team member");
        List<SessionService.Revocation> revoked = new ArrayList<>();
        OffsetDateTime now = Clocks.now(clock);
        return Panache.withTransaction(() -> tenants.lock(caller.tenantId()).flatMap(locked -> actor(caller).flatMap(actor ->
                        target(caller.tenantId(), targetId, id, now).flatMap(target -> {
                            if (target.user() != null) {
                                User member = target.user();
                                if (member.role == Role.OWNER) {
                                    return Uni.createFrom().failure(ApiException.unprocessable("The owner's role cannot be changed."));
                                }
                                requireOwnerForAdmin(actor, member.role, role);
                                if (member.role == role) {
                                    return Uni.createFrom().item(target);
                                }
                                member.role = role;
                                member.updatedAt = now;
                                return tenants.announce(EventTypes.USER_UPDATED, locked, member)
                                        .flatMap(ignored -> sessions.revokeAllOf(member.id, SessionService.REASON_ROLE_CHANGED))
                                        .invoke(revoked::addAll)
                                        .replaceWith(target);
                            }
                            requireOwnerForAdmin(actor, target.invitation().role, role);
                            target.invitation().role = role;
                            return Uni.createFrom().item(target);
                        }))))
                .invoke(() -> sessions.announce(revoked));
    }

    /**
     * Removes a member (every session ends at once, and every API key they created is revoked: a removed member's
     * integrations stop too) or withdraws a pending invitation.
     */
    public Uni<Entry> remove(Caller caller, String id) {
        UUID targetId = Ids.parse(id, "Team member");
        List<SessionService.Revocation> revoked = new ArrayList<>();
        List<ApiKeyState> revokedKeys = new ArrayList<>();
        OffsetDateTime now = Clocks.now(clock);
        return Panache.withTransaction(() -> tenants.lock(caller.tenantId()).flatMap(locked -> actor(caller).flatMap(actor ->
                        target(caller.tenantId(), targetId, id, now).flatMap(target -> {
                            if (target.user() != null) {
                                User member = target.user();
                                if (member.role == Role.OWNER) {
                                    return Uni.createFrom().failure(ApiException.unprocessable("The owner cannot be removed."));
                                }
                                requireOwnerForAdmin(actor, member.role, member.role);
                                member.removedAt = now;
                                member.updatedAt = now;
                                return tenants.announce(EventTypes.USER_REMOVED, locked, member)
                                        .flatMap(ignored -> sessions.revokeAllOf(member.id, SessionService.REASON_MEMBER_REMOVED))
                                        .invoke(revoked::addAll)
                                        .chain(() -> apiKeys.revokeAllCreatedBy(caller.tenantId(), member.id, now))
                                        .invoke(revokedKeys::addAll)
                                        .replaceWith(target);
                            }
                            requireOwnerForAdmin(actor, target.invitation().role, target.invitation().role);
                            target.invitation().revokedAt = now;
                            return Uni.createFrom().item(target);
                        }))))
                .invoke(() -> sessions.announce(revoked))
                .invoke(() -> apiKeys.learned(revokedKeys));
    }

    /** The signed-in user as the database has them now: the role decides, not the (possibly older) token. */
    private Uni<User> actor(Caller caller) {
        return accounts.member(caller.tenantId(), caller.userId()).onItem().ifNull()
                .failWith(() -> ApiException.unauthorized("The user of this credential no longer exists."));
    }

    private Uni<Entry> target(UUID tenantId, UUID targetId, String id, OffsetDateTime now) {
        return accounts.member(tenantId, targetId).flatMap(user -> user != null
                ? Uni.createFrom().item(new Entry(user, null))
                : invitations.findPending(tenantId, targetId, now).map(invitation -> {
                    if (invitation == null) {
                        throw ApiException.notFound("Team member", id);
                    }
                    return new Entry(null, invitation);
                }));
    }

    private static void requireOwnerForAdmin(User actor, Role from, Role to) {
        if ((from == Role.ADMIN || to == Role.ADMIN) && actor.role != Role.OWNER) {
            throw ApiException.forbidden(ADMIN_ONLY_BY_OWNER);
        }
    }

    private static void requirePending(Invitation invitation, OffsetDateTime now) {
        if (invitation == null || !invitation.pendingAt(now)) {
            throw ApiException.validation("token", INVALID_TOKEN);
        }
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static UUID parseCursor(String id) {
        try {
            return UUID.fromString(id);
        } catch (RuntimeException e) {
            throw ApiException.validation("cursor", "cursor is invalid; pass next_cursor from the previous page unchanged");
        }
    }

}
