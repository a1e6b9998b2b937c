package ng.risiti.invoice.sending.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailerName;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.invoice.sending.config.SendingConfig;
import ng.risiti.invoice.sending.domain.ClaimedDelivery;
import ng.risiti.invoice.sending.domain.InvoiceNotice;

/**
 * Emails an invoice: text and HTML with the amount due, the due date, the sender's note and a "View invoice" link to
 * its public page, and the PDF attached. Each delivery keeps one Message-ID across its retries, so if a retry follows
 * a send whose success we never recorded, mail clients that dedupe by Message-ID show it once. Test-mode mail goes
 * through the {@code sandbox} mailer (docs/specification.md, Sending).
 */
@ApplicationScoped
public class InvoiceMailer {

    private final ReactiveMailer live;
    private final ReactiveMailer sandbox;
    private final SendingConfig config;

    public InvoiceMailer(ReactiveMailer live, @MailerName("sandbox") ReactiveMailer sandbox, SendingConfig config) {
        this.live = live;
        this.sandbox = sandbox;
        this.config = config;
    }

    /** Hands the mail to the SMTP server; the Message-ID it carries. */
    public Uni<String> send(ClaimedDelivery delivery, InvoiceNotice notice, byte[] pdf) {
        String messageId = "<" + delivery.id() + "@" + config.messageIdDomain() + ">";
        Mail mail = Mail.withText(delivery.recipient(), subject(notice), text(notice, delivery.message()))
                .setHtml(html(notice, delivery.message()))
                .addAttachment(notice.invoiceNumber().replaceAll("[^A-Za-z0-9._-]", "-") + ".pdf", pdf, "application/pdf")
                .addHeader("Message-ID", messageId);
        if (notice.businessEmail() != null && !notice.businessEmail().isBlank()) {
            mail.setReplyTo(notice.businessEmail()); // the customer's reply reaches the business, not a no-reply address
        }
        return (delivery.testMode() ? sandbox : live).send(mail).replaceWith(messageId);
    }

    static String subject(InvoiceNotice notice) {
        return "Invoice " + notice.invoiceNumber() + " from " + notice.businessName();
    }

    static String text(InvoiceNotice notice, String message) {
        StringBuilder text = new StringBuilder();
        text.append("Dear ").append(notice.customerName() == null ? "customer" : notice.customerName()).append(",\n\n");
        if (message != null) {
            text.append(message).append("\n\n");
        }
        text.append(notice.businessName()).append(" has sent you invoice ").append(notice.invoiceNumber()).append(".\n\n");
        if (notice.paid()) {
            text.append("Total: ").append(notice.totalText()).append(" (paid in full, thank you)\n");
        } else {
            text.append("Amount due: ").append(notice.amountDueText()).append('\n')
                    .append("Due date: ").append(notice.dueDateText()).append('\n');
        }
        text.append("\nView invoice: ").append(notice.viewUrl()).append("\n\n")
                .append("The invoice is attached as a PDF.\n");
        return text.toString();
    }

    static String html(InvoiceNotice notice, String message) {
        StringBuilder html = new StringBuilder("<!doctype html><html><body style=\"font-family:sans-serif;color:#222\">");
        html.append("<p>Dear ").append(escape(notice.customerName() == null ? "customer" : notice.customerName())).append(",</p>");
        if (message != null) {
            html.append("<p style=\"white-space:pre-line\">").append(escape(message)).append("</p>");
        }
        html.append("<p>").append(escape(notice.businessName())).append(" has sent you invoice <strong>")
                .append(escape(notice.invoiceNumber())).append("</strong>.</p><table>");
        if (notice.paid()) {
            html.append("<tr><td>Total</td><td><strong>").append(escape(notice.totalText())).append("</strong> (paid in full, thank you)</td></tr>");
        } else {
            html.append("<tr><td>Amount due</td><td><strong>").append(escape(notice.amountDueText())).append("</strong></td></tr>")
                    .append("<tr><td>Due date</td><td>").append(escape(notice.dueDateText())).append("</td></tr>");
        }
        html.append("</table><p><a href=\"").append(escape(notice.viewUrl()))
                .append("\" style=\"display:inline-block;padding:10px 18px;background:#0b6e4f;color:#fff;text-decoration:none;border-radius:4px\">View invoice</a></p>")
                .append("<p>The invoice is attached as a PDF.</p></body></html>");
        return html.toString();
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
