package ng.risiti.invoice.sending.service;

import io.vertx.ext.mail.SMTPException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Set;

/**
 * Why an attempt failed, and whether trying again can help: a mail server or WhatsApp that is away, slow or
 * overloaded, or that refuses our credentials (an operator can fix those), is passing; a recipient the provider
 * refuses is permanent.
 */
public final class DeliveryFailure extends RuntimeException {

    /** SMTP 5xx replies about our own authentication: an operator's fix, not the recipient's fault. */
    private static final Set<Integer> SMTP_OURS = Set.of(530, 534, 535, 538);
    /** HTTP 4xx answers that say nothing about the message itself. */
    private static final Set<Integer> HTTP_PASSING = Set.of(401, 403, 408, 425, 429);
    private static final int MAX_LENGTH = 1000;

    private final boolean permanent;

    public DeliveryFailure(String message, boolean permanent) {
        super(message.length() > MAX_LENGTH ? message.substring(0, MAX_LENGTH) : message, null, false, false);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }

    /** The failure a provider's exception stands for, looking through wrappers (a connection refused is passing). */
    public static DeliveryFailure of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DeliveryFailure known) {
                return known;
            }
            if (cause instanceof SMTPException smtp) {
                return new DeliveryFailure("SMTP " + smtp.getReplyCode() + ": " + smtp.getReplyMessage(),
                        smtp.isPermanent() && !SMTP_OURS.contains(smtp.getReplyCode()));
            }
            if (cause instanceof WebApplicationException http) {
                int status = http.getResponse().getStatus();
                return new DeliveryFailure("HTTP " + status + ": " + body(http),
                        status >= 400 && status < 500 && !HTTP_PASSING.contains(status));
            }
        }
        return new DeliveryFailure(failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage()), false);
    }

    private static String body(WebApplicationException http) {
        try {
            String body = http.getResponse().readEntity(String.class);
            return body == null || body.isBlank() ? http.getMessage() : body.strip();
        } catch (RuntimeException unreadable) {
            return String.valueOf(http.getMessage());
        }
    }
}
