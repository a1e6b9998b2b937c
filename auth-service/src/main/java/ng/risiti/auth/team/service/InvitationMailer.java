package ng.risiti.auth.team.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.format.DateTimeFormatter;
import ng.risiti.auth.team.domain.Invitation;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The invitation mail: the only place the invitation token ever travels. */
@ApplicationScoped
public class InvitationMailer {

    public static final String ACCEPT_PATH = "/accept-invitation";

    private final ReactiveMailer mailer;
    private final String webUrl;

    /** {@code webUrl}: base URL of the web app (the gateway locally); links are {@code <web-url>/accept-invitation?token=...}. */
    public InvitationMailer(ReactiveMailer mailer,
            @ConfigProperty(name = "risiti.auth.web-url", defaultValue = "http://localhost:8080") String webUrl) {
        this.mailer = mailer;
        this.webUrl = webUrl.endsWith("/") ? webUrl.substring(0, webUrl.length() - 1) : webUrl;
    }

    public String link(String token) {
        String base = webUrl;
        // the token is base64url: safe in a query string as it is
        return base + ACCEPT_PATH + "?token=" + token;
    }

    public Uni<Void> send(Invitation invitation, String token, String tenantName, String inviterName) {
        String link = link(token);
        String expires = DateTimeFormatter.RFC_1123_DATE_TIME.format(invitation.expiresAt);
        String subject = "You're invited to join " + tenantName + " on Risiti";
        String text = """
                %s invited you to join %s on Risiti as %s.

                Accept the invitation and create your account:
                %s

                The link works once and expires on %s. If you did not expect this invitation, ignore this email.
                """.formatted(inviterName, tenantName, article(invitation.role.wireName()), link, expires);
        String html = """
                <p>%s invited you to join <strong>%s</strong> on Risiti as %s.</p>
                <p><a href="%s">Accept the invitation</a></p>
                <p>The link works once and expires on %s. If you did not expect this invitation, ignore this email.</p>
                """.formatted(escape(inviterName), escape(tenantName), article(invitation.role.wireName()), escape(link), expires);
        return mailer.send(Mail.withText(invitation.email, subject, text).setHtml(html));
    }

    private static String article(String role) {
        return ("aeiou".indexOf(role.charAt(0)) >= 0 ? "an " : "a ") + role;
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
