package ng.risiti.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;

/**
 * Stands in for Meta's WhatsApp Cloud API in the local stack: {@code POST /{version}/{phone-number-id}/messages} with
 * a bearer token answers as Meta does (the recipient and a {@code wamid}, or Meta's error envelope for a malformed
 * message), and keeps what it accepted for people to look at: {@code GET /} (HTML), {@code GET /api/messages} (JSON,
 * newest first), {@code DELETE /api/messages} (forget them). {@code POST /api/faults {"status":503,"times":3}} makes the
 * next calls fail, to watch invoice-service retry.
 */
final class WhatsAppSimulator implements AutoCloseable {

    /** Messages kept: enough to look at, bounded so a long-running stack does not grow. */
    private static final int KEPT = 500;

    private final HttpServer server;
    private final Deque<JsonObject> messages = new ArrayDeque<>();
    private int faultStatus;
    private int faultsLeft;

    private WhatsAppSimulator(Vertx vertx, String host, int port) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(1024 * 1024));
        router.post("/:version/:phoneNumberId/messages").handler(this::send);
        router.get("/api/messages").handler(ctx -> json(ctx, 200, messages()));
        router.delete("/api/messages").handler(ctx -> {
            synchronized (this) {
                messages.clear();
            }
            ctx.response().setStatusCode(204).end();
        });
        router.post("/api/faults").handler(this::faults);
        router.get("/").handler(ctx -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(page()));
        this.server = vertx.createHttpServer().requestHandler(router).listen(port, host).toCompletionStage().toCompletableFuture().join();
    }

    static WhatsAppSimulator start(Vertx vertx, String host, int port) {
        return new WhatsAppSimulator(vertx, host, port);
    }

    int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        server.close().toCompletionStage().toCompletableFuture().join();
    }

    private void send(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= "Bearer ".length()) {
            json(ctx, 401, error(190, "Invalid OAuth access token - Cannot parse access token", "OAuthException"));
            return;
        }
        synchronized (this) {
            if (faultsLeft > 0) {
                faultsLeft--;
                json(ctx, faultStatus, error(131000, "Something went wrong", "OAuthException"));
                return;
            }
        }
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException e) {
            body = null;
        }
        String problem = problem(body);
        if (problem != null) {
            json(ctx, 400, error(100, "Invalid parameter: " + problem, "OAuthException"));
            return;
        }
        String to = body.getString("to").replaceAll("[^0-9]", "");
        String wamid = "wamid." + UUID.randomUUID().toString().replace("-", "").toUpperCase();
        JsonObject kept = new JsonObject().put("id", wamid).put("received_at", Instant.now().toString())
                .put("phone_number_id", ctx.pathParam("phoneNumberId")).put("to", to).put("type", body.getString("type"))
                .put("request", body);
        JsonObject template = body.getJsonObject("template");
        if (template != null) {
            JsonArray texts = new JsonArray();
            JsonArray components = template.getJsonArray("components", new JsonArray());
            for (int i = 0; i < components.size(); i++) {
                JsonArray parameters = components.getJsonObject(i).getJsonArray("parameters", new JsonArray());
                for (int j = 0; j < parameters.size(); j++) {
                    texts.add(parameters.getJsonObject(j).getString("text"));
                }
            }
            kept.put("template", template.getString("name")).put("parameters", texts);
        }
        synchronized (this) {
            messages.addFirst(kept);
            while (messages.size() > KEPT) {
                messages.removeLast();
            }
        }
        json(ctx, 200, new JsonObject().put("messaging_product", "whatsapp")
                .put("contacts", new JsonArray().add(new JsonObject().put("input", body.getString("to")).put("wa_id", to)))
                .put("messages", new JsonArray().add(new JsonObject().put("id", wamid).put("message_status", "accepted"))));
    }

    /** What Meta would refuse about the message, or null. */
    private static String problem(JsonObject body) {
        if (body == null) {
            return "the body is not a JSON object";
        }
        if (!"whatsapp".equals(body.getString("messaging_product"))) {
            return "messaging_product must be whatsapp";
        }
        String to = body.getString("to");
        if (to == null || !to.matches("\\+?[0-9]{8,15}")) {
            return "to must be a phone number with its country code";
        }
        String type = body.getString("type", "text");
        if (type.equals("template")) {
            JsonObject template = body.getJsonObject("template");
            if (template == null || template.getString("name") == null || template.getJsonObject("language") == null) {
                return "template needs a name and a language";
            }
        } else if (type.equals("text")) {
            JsonObject text = body.getJsonObject("text");
            if (text == null || text.getString("body") == null) {
                return "text needs a body";
            }
        } else {
            return "this simulator takes template and text messages";
        }
        return null;
    }

    private void faults(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        synchronized (this) {
            faultStatus = body == null ? 503 : body.getInteger("status", 503);
            faultsLeft = body == null ? 1 : body.getInteger("times", 1);
        }
        json(ctx, 200, new JsonObject().put("status", faultStatus).put("times", faultsLeft));
    }

    private synchronized JsonArray messages() {
        return new JsonArray(messages.stream().map(JsonObject::copy).toList());
    }

    private static JsonObject error(int code, String message, String type) {
        return new JsonObject().put("error", new JsonObject().put("message", "(#" + code + ") " + message).put("type", type)
                .put("code", code).put("fbtrace_id", "A" + UUID.randomUUID().toString().substring(0, 12)));
    }

    private static void json(RoutingContext ctx, int status, Object body) {
        String text = body instanceof JsonArray array ? array.encodePrettily() : ((JsonObject) body).encodePrettily();
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(text);
    }

    private String page() {
        StringBuilder rows = new StringBuilder();
        for (Object o : messages()) {
            JsonObject m = (JsonObject) o;
            rows.append("<tr><td>").append(esc(m.getString("received_at"))).append("</td><td>+").append(esc(m.getString("to")))
                    .append("</td><td>").append(esc(m.getString("template", m.getString("type")))).append("</td><td>")
                    .append(esc(m.getJsonArray("parameters") == null ? m.getJsonObject("request").encode()
                            : String.join(" | ", m.getJsonArray("parameters").stream().map(String::valueOf).toList())))
                    .append("</td></tr>\n");
        }
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Risiti local WhatsApp</title>"
                + "<meta http-equiv=\"refresh\" content=\"5\"><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                + "td,th{border-bottom:1px solid #ddd;padding:.4em .8em;text-align:left;vertical-align:top}</style></head><body>"
                + "<h2>Risiti local WhatsApp (Cloud API simulator)</h2><p>POST /{version}/{phone-number-id}/messages on port " + port()
                + " &middot; JSON at <a href=\"/api/messages\">/api/messages</a> &middot; refreshes every 5 s</p>"
                + "<table><tr><th>received</th><th>to</th><th>template</th><th>parameters</th></tr>\n"
                + (rows.isEmpty() ? "<tr><td colspan=4><em>no messages yet</em></td></tr>" : rows) + "</table></body></html>";
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
