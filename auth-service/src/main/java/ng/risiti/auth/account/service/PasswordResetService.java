package ng.risiti.auth.account.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import ng.risiti.auth.account.config.AccountConfig;
import ng.risiti.auth.account.domain.PasswordResetToken;
import ng.risiti.auth.account.domain.User;
import ng.risiti.auth.account.repository.PasswordResetTokenRepository;
import ng.risiti.auth.account.repository.UserRepository;
import ng.risiti.auth.session.service.SessionService;
import ng.risiti.platform.concurrent.Offload;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Credentials;
import ng.risiti.platform.time.Clocks;
import org.jboss.logging.Logger;

/**
 * Forgot/reset password. The emailed token has 256 random bits, is stored as SHA-256, works once and for
 * {@code password-reset-lifetime}. A reset ends every session of the user, in every service.
 */
@ApplicationScoped
public class PasswordResetService {

    private static final Logger LOG = Logger.getLogger(PasswordResetService.class);
    private static final String INVALID_TOKEN = "token is invalid, expired or already used; request a new reset email";

    private final UserRepository users;
    private final PasswordResetTokenRepository resetTokens;
    private final SessionService sessions;
    private final PasswordHasher passwords;
    private final ReactiveMailer mailer;
    private final AccountConfig config;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public PasswordResetService(UserRepository users, PasswordResetTokenRepository resetTokens, SessionService sessions,
            PasswordHasher passwords, ReactiveMailer mailer, AccountConfig config, Clock clock) {
        this.users = users;
        this.resetTokens = resetTokens;
        this.sessions = sessions;
        this.passwords = passwords;
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Stores a token and sends the link when the email belongs to a password account; does nothing visible
     * otherwise. The mail is sent after the response (not awaited), so neither the answer nor its timing tells
     * whether the address is registered.
     */
    public Uni<Void> forgot(String rawEmail) {
        String email = User.normalizeEmail(rawEmail);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return Panache.withTransaction(() -> users.findByEmail(email).flatMap(user -> {
            // OAuth-only accounts have no password to reset; they sign in with their provider
            if (user == null || user.signsInWithOAuthOnly()) {
                return Uni.createFrom().<User>nullItem();
            }
            OffsetDateTime now = Clocks.now(clock);
            PasswordResetToken row = new PasswordResetToken();
            row.id = UuidV7.next();
            row.userId = user.id;
            row.tokenHash = Credentials.hash(token);
            row.createdAt = now;
            row.expiresAt = now.plus(config.passwordResetLifetime());
            return resetTokens.persist(row).replaceWith(user);
        })).invoke(user -> {
            if (user != null) {
                send(user, token);
            }
        }).replaceWithVoid();
    }

    /** Sets the new password, spends the token (and any other outstanding one), and revokes every session. */
    public Uni<Void> reset(String token, String newPassword) {
        if (token == null || token.isBlank() || token.length() > 256) {
            return Uni.createFrom().failure(ApiException.validation("token", INVALID_TOKEN));
        }
        String hash = Credentials.hash(token.trim());
        return Offload.run(() -> passwords.hash(newPassword))
                .flatMap(passwordHash -> Panache.withTransaction(() -> resetTokens.findByHashForUpdate(hash).flatMap(row -> {
                    OffsetDateTime now = Clocks.now(clock);
                    if (row == null || !row.usableAt(now)) {
                        return Uni.createFrom().<List<SessionService.Revocation>>failure(ApiException.validation("token", INVALID_TOKEN));
                    }
                    return users.findByIdForUpdate(row.userId).flatMap(user -> {
                        user.passwordHash = passwordHash;
                        user.updatedAt = now;
                        return resetTokens.useAllOf(user.id, now)
                                .flatMap(ignored -> sessions.revokeAllOf(user.id, SessionService.REASON_PASSWORD_RESET));
                    });
                })))
                .invoke(sessions::announce)
                .replaceWithVoid();
    }

    private void send(User user, String token) {
        String link = config.webUrl().replaceAll("/+$", "") + "/reset-password?token=" + token;
        String minutes = Long.toString(config.passwordResetLifetime().toMinutes());
        Mail mail = Mail.withText(user.email, "Reset your Risiti password", """
                Hello %s,

                Someone asked to reset the password of your Risiti account. If it was you, open this link within %s minutes:

                %s

                The link works once. If you did not ask for it, ignore this email: your password stays as it is.
                """.formatted(user.firstName, minutes, link))
                .setHtml("""
                        <p>Hello %s,</p>
                        <p>Someone asked to reset the password of your Risiti account. If it was you, open this link within %s minutes:</p>
                        <p><a href="%s">Reset my password</a></p>
                        <p>The link works once. If you did not ask for it, ignore this email: your password stays as it is.</p>
                        """.formatted(escape(user.firstName), minutes, link));
        // the message (it carries the token) is never logged; failures name only the user id
        mailer.send(mail).subscribe().with(
                ignored -> LOG.debugf("Password reset email sent for user %s", user.id),
                failure -> LOG.errorf("Could not send the password reset email for user %s: %s", user.id, failure.getClass().getName()));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

}
