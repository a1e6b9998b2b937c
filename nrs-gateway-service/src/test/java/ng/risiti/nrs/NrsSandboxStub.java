package ng.risiti.nrs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import ng.risiti.nrs.sandbox.NrsException;
import ng.risiti.nrs.sandbox.service.CodeLists;
import ng.risiti.nrs.sandbox.service.InvoiceValidator;
import ng.risiti.testsupport.OutsideWorldStub;

/**
 * NRS's MBS invoice API as deploy/nrs-sandbox answers it, with the sandbox's own validator: the platform's sandbox
 * credentials required (401 otherwise), IRN check, validation with NRS's field-level details (400), sign stored by IRN
 * (the same IRN again: 409), transmit, confirm (404 for an IRN never signed). Faults are planned per IRN and step, so
 * tests running one after another never see each other's. State lives in system properties as JDK types: the test
 * class and the server may sit in different class loaders.
 */
public class NrsSandboxStub extends OutsideWorldStub {

    public static final String KEY = "local-sandbox-key";
    public static final String SECRET = "local-sandbox-secret";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The next {@code count} calls of {@code step} for {@code irn} answer {@code status} (after {@code delayMillis}). */
    public static void fault(String irn, String step, int status, int count, long delayMillis, Integer retryAfterSeconds) {
        faults().put(irn + "|" + step, status + "," + count + "," + delayMillis + "," + (retryAfterSeconds == null ? "" : retryAfterSeconds));
    }

    /** As if someone signed the IRN already. */
    public static void presign(String irn) {
        ledger().put(irn, "signed");
    }

    /** Sign calls that reached the sandbox for the IRN (whatever the answer). */
    public static int signCalls(String irn) {
        AtomicInteger n = counters().get("sign|" + irn);
        return n == null ? 0 : n.get();
    }

    /** Signatures the sandbox actually made for the IRN (0 or 1: a second one is always refused). */
    public static int signatures(String irn) {
        AtomicInteger n = counters().get("signed|" + irn);
        return n == null ? 0 : n.get();
    }

    /** Calls of any step that reached the sandbox for the IRN. */
    public static int calls(String irn) {
        AtomicInteger n = counters().get("any|" + irn);
        return n == null ? 0 : n.get();
    }

    /** The payment status NRS holds for the IRN ({@code PAID} or {@code PAID|reference}), null if never updated. */
    public static String paymentStatus(String irn) {
        return payments().get(irn);
    }

    private static ConcurrentMap<String, String> payments() {
        return shared("payments");
    }

    public static boolean transmitted(String irn) {
        return "transmitted".equals(ledger().get(irn));
    }

    @SuppressWarnings("unchecked")
    private static <V> ConcurrentMap<String, V> shared(String name) {
        return (ConcurrentMap<String, V>) System.getProperties().computeIfAbsent("risiti.test.nrs-sandbox." + name, k -> new ConcurrentHashMap<>());
    }

    private static ConcurrentMap<String, String> faults() {
        return shared("faults");
    }

    private static ConcurrentMap<String, String> ledger() {
        return shared("ledger");
    }

    private static ConcurrentMap<String, AtomicInteger> counters() {
        return shared("counters");
    }

    private static void count(String what) {
        counters().computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    protected Map<String, String> config(String url) {
        // live traffic must never be made in tests: the live URL points nowhere
        return Map.of("risiti.nrs.sandbox-url", url, "risiti.nrs.url", "http://127.0.0.1:9");
    }

    @Override
    protected void routes(HttpServer server) {
        InvoiceValidator validator = new InvoiceValidator(new CodeLists());
        server.createContext("/api/v1/invoice/", exchange -> {
            String path = exchange.getRequestURI().getPath().substring("/api/v1/invoice/".length());
            String text = body(exchange);
            JsonNode body = text.isBlank() ? NullNode.getInstance() : JSON.readTree(text);
            String step;
            String irn;
            if (path.startsWith("resources/")) {
                codeList(exchange, path.substring("resources/".length()));
                return;
            }
            if (path.equals("irn/validate")) {
                step = "validate_irn";
                irn = body.path("irn").asText();
            } else if (path.equals("validate") || path.equals("sign")) {
                step = path;
                irn = body.path("irn").asText();
            } else if (path.startsWith("transmit/") || path.startsWith("confirm/") || path.startsWith("update/")) {
                step = path.substring(0, path.indexOf('/'));
                irn = path.substring(path.indexOf('/') + 1);
            } else {
                error(exchange, 404, "not_found", "not found", "no such endpoint");
                return;
            }
            count("any|" + irn);
            if (step.equals("sign")) {
                count("sign|" + irn);
            }
            if (injectFault(exchange, irn, step)) {
                return;
            }
            if (!KEY.equals(exchange.getRequestHeaders().getFirst("x-api-key"))
                    || !SECRET.equals(exchange.getRequestHeaders().getFirst("x-api-secret"))) {
                error(exchange, 401, "authentication", "unauthorized", "invalid api key or secret");
                return;
            }
            try {
                switch (step) {
                    case "validate_irn" -> {
                        if (!irn.startsWith(body.path("invoice_reference").asText("?") + "-")) {
                            error(exchange, 400, "irn_validate", "IRN does not match invoice reference", "IRN " + irn);
                        } else {
                            answer(exchange, 200, "{\"code\":200,\"data\":{\"ok\":true}}");
                        }
                    }
                    case "validate" -> {
                        validator.validate(body, "invoice_validate");
                        answer(exchange, 200, "{\"code\":200,\"data\":{\"ok\":true}}");
                    }
                    case "sign" -> {
                        validator.validate(body, "invoice_sign");
                        if (ledger().putIfAbsent(irn, "signed") != null) {
                            error(exchange, 409, "invoice_sign", "invoice with this IRN has already been signed", "IRN " + irn);
                        } else {
                            count("signed|" + irn);
                            answer(exchange, 201, "{\"code\":201,\"data\":{\"ok\":true,\"irn\":\"" + irn + "\"}}");
                        }
                    }
                    case "transmit" -> {
                        if (ledger().replace(irn, "transmitted") == null) {
                            error(exchange, 404, "invoice_transmit", "invoice not found", "no signed invoice with IRN " + irn);
                        } else {
                            answer(exchange, 200, "{\"code\":200,\"data\":{\"ok\":true,\"irn\":\"" + irn + "\"}}");
                        }
                    }
                    case "update" -> {
                        if (!ledger().containsKey(irn)) {
                            error(exchange, 404, "invoice_update", "invoice not found", "no signed invoice with IRN " + irn);
                        } else {
                            String status = body.path("payment_status").asText();
                            payments().put(irn, status + (body.hasNonNull("reference") ? "|" + body.get("reference").asText() : ""));
                            answer(exchange, 200, "{\"code\":200,\"data\":{\"irn\":\"" + irn + "\",\"payment_status\":\"" + status + "\"}}");
                        }
                    }
                    default -> {
                        String state = ledger().get(irn);
                        if (state == null) {
                            error(exchange, 404, "invoice_confirm", "invoice not found", "no signed invoice with IRN " + irn);
                        } else {
                            boolean sent = state.equals("transmitted");
                            answer(exchange, 200, "{\"code\":200,\"data\":{\"irn\":\"" + irn + "\",\"payment_status\":\"PENDING\",\"transmitted\":"
                                    + sent + ",\"delivered\":" + sent + "}}");
                        }
                    }
                }
            } catch (NrsException e) {
                error(exchange, e.status(), e.handler(), e.getMessage(), e.details());
            }
        });
    }

    /** The public code lists, from the sandbox's own CodeLists; 503 while {@link #codeListsDown}. */
    private static void codeList(HttpExchange exchange, String name) throws IOException {
        count("code-list|" + name);
        if (Boolean.getBoolean("risiti.test.nrs-sandbox.code-lists-down")) {
            error(exchange, 503, "resources", "unavailable", "code lists are down");
            return;
        }
        CodeLists lists = new CodeLists();
        Object items = switch (name) {
            case "invoice-types" -> lists.invoiceTypes();
            case "currencies" -> lists.currencies();
            case "payment-means" -> lists.paymentMeans();
            case "tax-categories" -> lists.taxCategories();
            case "vat-exemptions" -> lists.vatExemptions();
            case "countries" -> lists.countries();
            case "services-codes" -> lists.serviceCodes();
            default -> null;
        };
        if (items == null) {
            error(exchange, 404, "resources", "not found", "no such code list");
        } else {
            answer(exchange, 200, JSON.writeValueAsString(Map.of("code", 200, "data", items)));
        }
    }

    public static void codeListsDown(boolean down) {
        System.setProperty("risiti.test.nrs-sandbox.code-lists-down", Boolean.toString(down));
    }

    /** Times the gateway fetched the code list from the sandbox. */
    public static int codeListFetches(String name) {
        AtomicInteger n = counters().get("code-list|" + name);
        return n == null ? 0 : n.get();
    }

    private static boolean injectFault(HttpExchange exchange, String irn, String step) throws IOException {
        String key = irn + "|" + step;
        String plan = faults().get(key);
        if (plan == null) {
            return false;
        }
        String[] parts = plan.split(",", -1);
        int count = Integer.parseInt(parts[1]);
        if (count <= 1) {
            faults().remove(key, plan);
        } else {
            faults().replace(key, plan, parts[0] + "," + (count - 1) + "," + parts[2] + "," + parts[3]);
        }
        long delay = Long.parseLong(parts[2]);
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!parts[3].isEmpty()) {
            exchange.getResponseHeaders().add("Retry-After", parts[3]);
        }
        error(exchange, Integer.parseInt(parts[0]), "sandbox_fault", "injected fault", "fault injected for " + step);
        return true;
    }

    private static void error(HttpExchange exchange, int status, String handler, String message, String details) throws IOException {
        try {
            answer(exchange, status, JSON.writeValueAsString(Map.of("code", status, "message", message, "error",
                    Map.of("id", java.util.UUID.randomUUID().toString(), "handler", handler, "details", details, "public_message", message))));
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        }
    }
}
