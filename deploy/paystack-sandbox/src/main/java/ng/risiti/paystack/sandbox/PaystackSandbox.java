package ng.risiti.paystack.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * A Paystack simulator: the parts of Paystack's API Risiti uses, in Paystack's shapes (README.md). Started alone with
 * {@code java -jar deploy/paystack-sandbox/target/paystack-sandbox.jar}, by {@code ./risiti up}, or in-process by a
 * service's tests ({@link #start(Settings)}).
 */
public final class PaystackSandbox implements AutoCloseable {

    /**
     * @param port 0 for any free port
     * @param publicUrl the base of the {@code authorization_url}s it hands out (null: its own address)
     * @param webhookUrl where events go (null: nowhere until {@code POST /__sandbox/webhook-url} sets it)
     */
    public record Settings(String host, int port, String secretKey, String publicUrl, String webhookUrl, Duration retryDelay,
            int maxAttempts) {

        public static final String DEFAULT_SECRET_KEY = "sk_test_risiti_paystack_sandbox";

        /** From the environment: PAYSTACK_SANDBOX_PORT (8092), PAYSTACK_SECRET_KEY, PAYSTACK_PUBLIC_URL, PAYSTACK_WEBHOOK_URL, ... */
        public static Settings fromEnvironment(Map<String, String> env) {
            return new Settings(env.getOrDefault("PAYSTACK_SANDBOX_HOST", "127.0.0.1"),
                    Integer.parseInt(env.getOrDefault("PAYSTACK_SANDBOX_PORT", "8092")),
                    env.getOrDefault("PAYSTACK_SECRET_KEY", DEFAULT_SECRET_KEY), env.get("PAYSTACK_PUBLIC_URL"),
                    env.get("PAYSTACK_WEBHOOK_URL"),
                    Duration.ofMillis(Long.parseLong(env.getOrDefault("PAYSTACK_WEBHOOK_RETRY_DELAY_MS", "2000"))),
                    Integer.parseInt(env.getOrDefault("PAYSTACK_WEBHOOK_MAX_ATTEMPTS", "8")));
        }

        /** For tests: a free loopback port, retries after 200 ms. */
        public static Settings forTests(String secretKey, String webhookUrl) {
            return new Settings("127.0.0.1", 0, secretKey, null, webhookUrl, Duration.ofMillis(200), 8);
        }
    }

    /** The next matching API calls answer {@code status} (after {@code delayMillis}), as a Paystack outage would. */
    record Fault(int remaining, int status, long delayMillis, String pathPrefix) {
    }

    private static final Pattern VERIFY = Pattern.compile("/transaction/verify/([^/]+)");
    private static final Pattern CHECKOUT = Pattern.compile("/checkout/([^/]+)");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final List<String> EVENTS = List.of("charge.success", "invoice.payment_failed", "subscription.create");

    private final Settings settings;
    private final HttpServer server;
    private final Ledger ledger = new Ledger();
    private final Webhooks webhooks;
    private final AtomicReference<Fault> fault = new AtomicReference<>();
    /** Saved authorizations whose next charges the bank declines (a card that expired or ran dry). */
    private final java.util.Set<String> declining = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final String publicUrl;

    private PaystackSandbox(Settings settings) {
        this.settings = settings;
        this.webhooks = new Webhooks(settings.secretKey(), settings.webhookUrl(), settings.retryDelay(), settings.maxAttempts());
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + settings.host() + ":" + settings.port(), e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
        this.publicUrl = settings.publicUrl() != null ? settings.publicUrl() : url();
    }

    public static PaystackSandbox start(Settings settings) {
        return new PaystackSandbox(settings);
    }

    public static void main(String[] args) {
        PaystackSandbox sandbox = start(Settings.fromEnvironment(System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "paystack-sandbox-stop"));
        System.out.println("Paystack sandbox on " + sandbox.url() + " (secret key " + sandbox.settings.secretKey() + "), webhooks to "
                + Optional.ofNullable(sandbox.webhooks.url()).orElse("(none yet: POST /__sandbox/webhook-url)"));
    }

    public String url() {
        return "http://" + settings.host() + ":" + server.getAddress().getPort();
    }

    public String secretKey() {
        return settings.secretKey();
    }

    /** Points webhooks somewhere else (a test resource knows the service's port only once Quarkus started). */
    public void webhookUrl(String url) {
        webhooks.url(url);
    }

    @Override
    public void close() {
        server.stop(0);
        webhooks.close();
    }

    // ---------------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.startsWith("/q/health")) {
                json(exchange, 200, Map.of("status", "UP"));
                return;
            }
            if (path.startsWith("/__sandbox/")) {
                control(exchange, method, path);
                return;
            }
            Fault f = takeFault(path);
            if (f != null) {
                if (f.delayMillis() > 0) {
                    Thread.sleep(f.delayMillis()); // a slow Paystack, on a virtual thread: clients' timeouts meet it
                }
                json(exchange, f.status(), failure("Sandbox fault: Paystack is unavailable"));
                return;
            }
            if (path.equals("/transaction/initialize") && method.equals("POST")) {
                initialize(exchange);
            } else if (path.equals("/transaction/charge_authorization") && method.equals("POST")) {
                chargeAuthorization(exchange);
            } else if (VERIFY.matcher(path).matches() && method.equals("GET")) {
                var m = VERIFY.matcher(path);
                m.matches();
                verify(exchange, URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
            } else if (CHECKOUT.matcher(path).matches() && (method.equals("GET") || method.equals("POST"))) {
                var m = CHECKOUT.matcher(path);
                m.matches();
                checkout(exchange, m.group(1));
            } else if (path.equals("/")) {
                html(exchange, 200, "<!doctype html><title>Paystack sandbox</title><h1>Risiti Paystack sandbox</h1>"
                        + "<p>POST /transaction/initialize, GET /transaction/verify/{reference}, GET /checkout/{access_code}; "
                        + "controls under /__sandbox/ (see deploy/paystack-sandbox/README.md).</p>");
            } else {
                json(exchange, 404, failure("The requested resource was not found"));
            }
        } catch (Json.Malformed e) {
            json(exchange, 400, failure("Invalid JSON body: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            json(exchange, 500, failure("Sandbox error: " + e));
        }
    }

    private void initialize(HttpExchange exchange) throws IOException {
        if (!authorized(exchange)) {
            json(exchange, 401, failure("Invalid key"));
            return;
        }
        Map<String, Object> body = Json.parseObject(body(exchange));
        Object email = body.get("email");
        if (!(email instanceof String e) || !EMAIL.matcher(e).matches()) {
            json(exchange, 400, failure("Invalid Email Address Passed"));
            return;
        }
        Long amount = integer(body.get("amount"));
        if (amount == null || amount < 100) {
            json(exchange, 400, failure("Invalid Amount Sent"));
            return;
        }
        String currency = body.get("currency") instanceof String c ? c : "NGN";
        String reference = body.get("reference") instanceof String r && !r.isBlank() ? r : "T" + Ledger.code(14);
        Object metadata = body.get("metadata");
        if (metadata instanceof String text && !text.isBlank()) {
            metadata = Json.parse(text); // Paystack accepts metadata as an object or as a JSON string
        }
        String callback = body.get("callback_url") instanceof String c ? c : null;
        String plan = body.get("plan") instanceof String p ? p : null;
        Ledger.Transaction t = ledger.open(reference, (String) email, amount, currency, callback, metadata, plan);
        if (t == null) {
            json(exchange, 400, failure("Duplicate Transaction Reference"));
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("authorization_url", publicUrl + "/checkout/" + t.accessCode);
        data.put("access_code", t.accessCode);
        data.put("reference", t.reference);
        json(exchange, 200, success("Authorization URL created", data));
    }

    /**
     * Charges a card a successful payment saved (renewals): {@code {authorization_code, email, amount, reference?,
     * currency?, metadata?}} → Paystack's {@code "Charge attempted"} with the transaction, whose {@code status} is
     * success or failed (declined: {@code /__sandbox/declines}). A success also sends {@code charge.success}, as Paystack does.
     */
    private void chargeAuthorization(HttpExchange exchange) throws IOException {
        if (!authorized(exchange)) {
            json(exchange, 401, failure("Invalid key"));
            return;
        }
        Map<String, Object> body = Json.parseObject(body(exchange));
        String code = body.get("authorization_code") instanceof String c ? c : null;
        Ledger.Transaction saved = code == null ? null : ledger.authorizedBy(code);
        if (saved == null) {
            json(exchange, 400, failure("Invalid Authorization Code"));
            return;
        }
        Object email = body.get("email");
        if (!(email instanceof String e) || !e.equalsIgnoreCase(saved.email)) {
            json(exchange, 400, failure("Authorization code does not belong to this email"));
            return;
        }
        Long amount = integer(body.get("amount"));
        if (amount == null || amount < 100) {
            json(exchange, 400, failure("Invalid Amount Sent"));
            return;
        }
        String reference = body.get("reference") instanceof String r && !r.isBlank() ? r : "T" + Ledger.code(14);
        String currency = body.get("currency") instanceof String c ? c : "NGN";
        Ledger.Transaction t = ledger.charge(reference, code, saved.email, amount, currency, body.get("metadata"), !declining.contains(code));
        if (t == null) {
            json(exchange, 400, failure("Duplicate Transaction Reference"));
            return;
        }
        if (t.status == Ledger.Status.SUCCESS) {
            webhooks.send("charge.success", t.reference, ledger.view(t), false);
        }
        json(exchange, 200, success("Charge attempted", ledger.view(t)));
    }

    private void verify(HttpExchange exchange, String reference) throws IOException {
        if (!authorized(exchange)) {
            json(exchange, 401, failure("Invalid key"));
            return;
        }
        Ledger.Transaction t = ledger.byReference(reference);
        if (t == null) {
            json(exchange, 400, failure("Transaction reference not found"));
            return;
        }
        json(exchange, 200, success("Verification successful", ledger.view(t)));
    }

    /**
     * The hosted checkout: opening it pays (test cards always work here), {@code ?outcome=failed} declines. A paid
     * transaction sends {@code charge.success}; then the payer returns to {@code callback_url} with the reference.
     */
    private void checkout(HttpExchange exchange, String accessCode) throws IOException {
        Ledger.Transaction t = ledger.byAccessCode(accessCode);
        if (t == null) {
            html(exchange, 404, "<!doctype html><title>Not found</title><h1>This payment page does not exist</h1>");
            return;
        }
        boolean success = !"failed".equals(query(exchange).get("outcome"));
        if (ledger.settle(t, success) && success) {
            webhooks.send("charge.success", t.reference, ledger.view(t), false);
        }
        if (t.callbackUrl != null) {
            String separator = t.callbackUrl.contains("?") ? "&" : "?";
            String ref = URLEncoder.encode(t.reference, StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Location", t.callbackUrl + separator + "trxref=" + ref + "&reference=" + ref);
            exchange.sendResponseHeaders(302, -1);
            return;
        }
        String outcome = t.status == Ledger.Status.SUCCESS ? "Payment successful" : "Payment declined";
        html(exchange, 200, "<!doctype html><meta name=\"viewport\" content=\"width=device-width\"><title>" + outcome + "</title><h1>"
                + outcome + "</h1><p>NGN " + BigDecimal.valueOf(t.amount, 2).toPlainString() + " &middot; reference " + escape(t.reference)
                + "</p>");
    }

    // ---- test controls (not Paystack) ----------------------------------------------------------------------------

    private void control(HttpExchange exchange, String method, String path) throws IOException {
        switch (method + " " + path) {
            case "POST /__sandbox/events" -> event(exchange);
            case "GET /__sandbox/webhooks" -> json(exchange, 200, Map.of("data", webhooks.log()));
            case "POST /__sandbox/webhook-url" -> {
                Object url = Json.parseObject(body(exchange)).get("url");
                webhooks.url(url instanceof String u ? u : null);
                json(exchange, 200, Map.of("url", String.valueOf(webhooks.url())));
            }
            case "POST /__sandbox/faults" -> {
                Map<String, Object> body = Json.parseObject(body(exchange));
                Long count = integer(body.getOrDefault("count", BigDecimal.ONE));
                Long status = integer(body.getOrDefault("status", BigDecimal.valueOf(503)));
                Long delay = integer(body.getOrDefault("delay_ms", BigDecimal.ZERO));
                String prefix = body.get("path_prefix") instanceof String p ? p : "/";
                fault.set(count == null || count <= 0 ? null
                        : new Fault(count.intValue(), status == null ? 503 : status.intValue(), delay == null ? 0 : delay, prefix));
                json(exchange, 200, faultView());
            }
            case "GET /__sandbox/faults" -> json(exchange, 200, faultView());
            case "POST /__sandbox/declines" -> {
                Map<String, Object> body = Json.parseObject(body(exchange));
                String code = body.get("authorization_code") instanceof String c ? c : "";
                if (Boolean.FALSE.equals(body.get("decline"))) {
                    declining.remove(code);
                } else {
                    declining.add(code);
                }
                json(exchange, 200, Map.of("declining", List.copyOf(declining)));
            }
            case "GET /__sandbox/charges" -> {
                String code = query(exchange).getOrDefault("authorization_code", "");
                json(exchange, 200, Map.of("authorization_code", code, "charges", ledger.chargesOf(code)));
            }
            case "DELETE /__sandbox/faults" -> {
                fault.set(null);
                json(exchange, 200, faultView());
            }
            case "POST /__sandbox/reset" -> {
                fault.set(null);
                declining.clear();
                ledger.reset();
                webhooks.reset();
                json(exchange, 200, Map.of("reset", true));
            }
            default -> json(exchange, 404, failure("No sandbox control at " + method + " " + path));
        }
    }

    /**
     * {@code {"event":"charge.success"|"invoice.payment_failed"|"subscription.create","reference":"..."}}: sends that
     * event about the transaction now and answers how the receiver took it. {@code amount} overrides the amount
     * charged (to test a mismatch); {@code charge.success} settles a pending transaction first.
     */
    private void event(HttpExchange exchange) throws IOException {
        Map<String, Object> body = Json.parseObject(body(exchange));
        String event = body.get("event") instanceof String e ? e : null;
        String reference = body.get("reference") instanceof String r ? r : null;
        if (event == null || !EVENTS.contains(event)) {
            json(exchange, 400, failure("event must be one of " + EVENTS));
            return;
        }
        Ledger.Transaction t = reference == null ? null : ledger.byReference(reference);
        if (t == null) {
            json(exchange, 400, failure("Transaction reference not found"));
            return;
        }
        if (!event.equals("charge.success") && t.status != Ledger.Status.SUCCESS) {
            json(exchange, 400, failure(event + " needs a paid transaction (its card authorization)"));
            return;
        }
        ledger.settle(t, true);
        Map<String, Object> data = switch (event) {
            case "charge.success" -> ledger.view(t);
            case "invoice.payment_failed" -> paymentFailed(t);
            default -> subscriptionCreated(t);
        };
        Long amount = integer(body.get("amount"));
        if (amount != null) {
            data.put("amount", amount);
        }
        Webhooks.Delivery delivery = webhooks.send(event, t.reference, data, true);
        json(exchange, 200, delivery.view());
    }

    /** A renewal of the subscription this transaction's card pays for was declined. */
    private Map<String, Object> paymentFailed(Ledger.Transaction t) {
        Map<String, Object> data = new LinkedHashMap<>();
        Instant now = Instant.now();
        data.put("domain", "test");
        data.put("invoice_code", "INV_" + Ledger.code(14));
        data.put("amount", t.amount);
        data.put("period_start", now.toString());
        data.put("period_end", now.plus(Duration.ofDays(30)).toString());
        data.put("status", "failed");
        data.put("paid", false);
        data.put("paid_at", null);
        data.put("description", null);
        data.put("authorization", ledger.authorization(t));
        data.put("subscription", subscription(t, "attention"));
        data.put("customer", ledger.customerView(ledger.customer(t.email)));
        Map<String, Object> transaction = new LinkedHashMap<>();
        transaction.put("reference", "R" + Ledger.code(14));
        transaction.put("status", "failed");
        transaction.put("amount", t.amount);
        transaction.put("currency", t.currency);
        data.put("transaction", transaction);
        data.put("created_at", now.toString());
        return data;
    }

    private Map<String, Object> subscriptionCreated(Ledger.Transaction t) {
        Map<String, Object> data = subscription(t, "active");
        data.put("domain", "test");
        data.put("authorization", ledger.authorization(t));
        data.put("customer", ledger.customerView(ledger.customer(t.email)));
        data.put("created_at", Instant.now().toString());
        return data;
    }

    private static Map<String, Object> subscription(Ledger.Transaction t, String status) {
        Map<String, Object> subscription = new LinkedHashMap<>();
        subscription.put("status", status);
        // one subscription per card authorization: derived, so every event about it names the same code
        subscription.put("subscription_code", "SUB_" + t.authorizationCode.substring(5));
        subscription.put("email_token", "tok_" + t.authorizationCode.substring(5));
        subscription.put("amount", t.amount);
        subscription.put("cron_expression", "0 0 1 * *");
        subscription.put("next_payment_date", Instant.now().plus(Duration.ofDays(30)).toString());
        subscription.put("open_invoice", null);
        return subscription;
    }

    private Map<String, Object> faultView() {
        Fault f = fault.get();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("count", f == null ? 0 : f.remaining());
        view.put("status", f == null ? null : f.status());
        view.put("delay_ms", f == null ? null : f.delayMillis());
        view.put("path_prefix", f == null ? null : f.pathPrefix());
        return view;
    }

    private Fault takeFault(String path) {
        while (true) {
            Fault f = fault.get();
            if (f == null || !path.startsWith(f.pathPrefix()) || path.startsWith("/checkout/")) {
                return null;
            }
            Fault next = f.remaining() > 1 ? new Fault(f.remaining() - 1, f.status(), f.delayMillis(), f.pathPrefix()) : null;
            if (fault.compareAndSet(f, next)) {
                return f;
            }
        }
    }

    // ---- HTTP plumbing ---------------------------------------------------------------------------------------------

    private boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Bearer " + settings.secretKey();
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static Long integer(Object value) {
        if (value instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim()); // Paystack's amount is a string in its own examples
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Map<String, Object> success(String message, Object data) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", true);
        out.put("message", message);
        out.put("data", data);
        return out;
    }

    private static Map<String, Object> failure(String message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", false);
        out.put("message", message);
        return out;
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> out = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", Json.write(body));
    }

    private static void html(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", body);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
