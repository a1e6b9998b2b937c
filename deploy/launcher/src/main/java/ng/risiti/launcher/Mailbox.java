package ng.risiti.launcher;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/**
 * A real SMTP server (GreenMail, any user, no auth) and a small web view of what it received:
 * {@code GET /} (HTML list), {@code GET /messages/{id}} (one message), {@code GET /api/messages} (JSON),
 * {@code DELETE /api/messages} (empty the mailbox).
 */
final class Mailbox implements AutoCloseable {

    private final GreenMail greenMail;
    private final HttpServer web;

    private Mailbox(GreenMail greenMail, HttpServer web) {
        this.greenMail = greenMail;
        this.web = web;
    }

    static Mailbox start(Vertx vertx, String host, int smtpPort, int webPort) {
        GreenMail gm = new GreenMail(new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        gm.start();
        try {
            Router router = Router.router(vertx);
            router.get("/api/messages").blockingHandler(ctx -> json(ctx, messages(gm)));
            router.get("/api/messages/:id").blockingHandler(ctx -> withMessage(gm, ctx, (m, i) -> json(ctx, toJson(m, i, true))));
            router.delete("/api/messages").blockingHandler(ctx -> {
                try {
                    gm.purgeEmailFromAllMailboxes();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                ctx.response().setStatusCode(204).end();
            });
            router.get("/").blockingHandler(ctx -> html(ctx, listPage(gm)));
            router.get("/messages/:id").blockingHandler(ctx -> withMessage(gm, ctx, (m, i) -> html(ctx, messagePage(m, i))));
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(webPort, host)
                    .toCompletionStage().toCompletableFuture().join();
            return new Mailbox(gm, server);
        } catch (RuntimeException e) {
            gm.stop();
            throw e;
        }
    }

    int received() {
        return greenMail.getReceivedMessages().length;
    }

    @Override
    public void close() {
        try {
            web.close().toCompletionStage().toCompletableFuture().join();
        } finally {
            greenMail.stop();
        }
    }

    private interface MessageHandler {
        void handle(MimeMessage m, int id) throws Exception;
    }

    private static void withMessage(GreenMail gm, RoutingContext ctx, MessageHandler h) {
        MimeMessage[] all = gm.getReceivedMessages();
        int id;
        try {
            id = Integer.parseInt(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            id = -1;
        }
        if (id < 0 || id >= all.length) {
            ctx.response().setStatusCode(404).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("error", "no message " + ctx.pathParam("id")).encode());
            return;
        }
        try {
            h.handle(all[id], id);
        } catch (Exception e) {
            ctx.fail(e);
        }
    }

    private static JsonArray messages(GreenMail gm) {
        MimeMessage[] all = gm.getReceivedMessages();
        JsonArray arr = new JsonArray();
        for (int i = all.length - 1; i >= 0; i--) {
            arr.add(toJson(all[i], i, false));
        }
        return arr;
    }

    private static JsonObject toJson(MimeMessage m, int id, boolean withBody) {
        JsonObject o = new JsonObject().put("id", id);
        try {
            o.put("message_id", m.getMessageID())
                    .put("from", addresses(m.getFrom()))
                    .put("to", addresses(m.getRecipients(Message.RecipientType.TO)))
                    .put("cc", addresses(m.getRecipients(Message.RecipientType.CC)))
                    .put("subject", m.getSubject());
            Date sent = m.getSentDate() != null ? m.getSentDate() : m.getReceivedDate();
            o.put("date", sent == null ? null : sent.toInstant().toString());
            Bodies b = new Bodies();
            collect(m, b);
            if (withBody) {
                o.put("text", b.text).put("html", b.html);
            } else {
                String preview = b.text != null ? b.text : b.html == null ? "" : b.html.replaceAll("<[^>]+>", " ");
                o.put("preview", preview.strip().replaceAll("\\s+", " ").substring(0, Math.min(160, preview.strip().replaceAll("\\s+", " ").length())));
            }
            o.put("attachments", new JsonArray(b.attachments));
        } catch (MessagingException | IOException e) {
            o.put("error", e.toString());
        }
        return o;
    }

    private static final class Bodies {
        String text;
        String html;
        List<String> attachments = new java.util.ArrayList<>();
    }

    private static void collect(Part p, Bodies b) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition()) || p.getFileName() != null) {
            b.attachments.add(p.getFileName() == null ? p.getContentType() : p.getFileName());
        } else if (p.isMimeType("text/plain") && b.text == null) {
            b.text = String.valueOf(p.getContent());
        } else if (p.isMimeType("text/html") && b.html == null) {
            b.html = String.valueOf(p.getContent());
        } else if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart part = mp.getBodyPart(i);
                collect(part, b);
            }
        }
    }

    private static JsonArray addresses(Address[] a) {
        return a == null ? new JsonArray() : new JsonArray(Arrays.stream(a).map(Address::toString).toList());
    }

    private static void json(RoutingContext ctx, Object body) {
        String s = body instanceof JsonArray arr ? arr.encodePrettily() : ((JsonObject) body).encodePrettily();
        ctx.response().putHeader("Content-Type", "application/json").end(s);
    }

    private static void html(RoutingContext ctx, String page) {
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(page);
    }

    private static String listPage(GreenMail gm) {
        StringBuilder rows = new StringBuilder();
        for (Object o : messages(gm)) {
            JsonObject m = (JsonObject) o;
            rows.append("<tr><td>").append(esc(m.getString("date"))).append("</td><td>")
                    .append(esc(String.join(", ", m.getJsonArray("from").getList()))).append("</td><td>")
                    .append(esc(String.join(", ", m.getJsonArray("to").getList()))).append("</td><td><a href=\"/messages/")
                    .append(m.getInteger("id")).append("\">").append(esc(m.getString("subject"))).append("</a><br><small>")
                    .append(esc(m.getString("preview"))).append("</small></td></tr>\n");
        }
        return page("Risiti local mailbox", "<p>SMTP on 127.0.0.1:" + gm.getSmtp().getPort()
                + " &middot; JSON at <a href=\"/api/messages\">/api/messages</a> &middot; refreshes every 5 s</p>"
                + "<table><tr><th>date</th><th>from</th><th>to</th><th>subject</th></tr>\n"
                + (rows.isEmpty() ? "<tr><td colspan=4><em>no messages yet</em></td></tr>" : rows) + "</table>", true);
    }

    private static String messagePage(MimeMessage m, int id) {
        JsonObject j = toJson(m, id, true);
        String html = j.getString("html");
        String text = j.getString("text");
        return page(j.getString("subject"), "<p><a href=\"/\">&larr; all messages</a> &middot; <a href=\"/api/messages/" + id
                + "\">JSON</a></p><table>"
                + "<tr><th>from</th><td>" + esc(String.join(", ", j.getJsonArray("from").getList())) + "</td></tr>"
                + "<tr><th>to</th><td>" + esc(String.join(", ", j.getJsonArray("to").getList())) + "</td></tr>"
                + "<tr><th>date</th><td>" + esc(j.getString("date")) + "</td></tr>"
                + "<tr><th>attachments</th><td>" + esc(String.join(", ", j.getJsonArray("attachments").getList())) + "</td></tr></table>"
                + (html != null ? "<h3>HTML</h3><iframe sandbox style=\"width:100%;height:480px;border:1px solid #ccc\" srcdoc=\""
                + esc(html) + "\"></iframe>" : "")
                + (text != null ? "<h3>Text</h3><pre>" + esc(text) + "</pre>" : ""), false);
    }

    private static String page(String title, String body, boolean refresh) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title>"
                + (refresh ? "<meta http-equiv=\"refresh\" content=\"5\">" : "")
                + "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                + "td,th{border-bottom:1px solid #ddd;padding:.4em .8em;text-align:left;vertical-align:top}"
                + "pre{white-space:pre-wrap;background:#f6f6f6;padding:1em}</style></head><body><h2>"
                + esc(title) + "</h2>" + body + "</body></html>";
    }

    private static String esc(Object o) {
        if (o == null) {
            return "";
        }
        return o.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

}
