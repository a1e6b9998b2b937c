package ng.risiti.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every documented operation, called with what a careless or hostile client sends: malformed ids in the path, nonsense
 * in each query parameter, bodies that are not JSON, not an object, or an object with one field of the wrong type, too
 * long, out of range or holding a NUL. The promise checked is the API's, not a status per case: no 5xx, no dropped
 * connection, no stack trace or framework class name in a body, and every error answered as JSON (or in the media type
 * the operation documents for it: the pay page answers people in HTML).
 *
 * <p>Usage: java -cp ... ng.risiti.bench.ErrorSweep [base-url]. Needs the local stack (a tenant is registered and put
 * on the enterprise plan, so API-key calls are not rate-limited; the dashboard user's 600 calls a minute are waited
 * out). Last line: {@code error-sweep: N requests, P problems}.
 */
public final class ErrorSweep {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Operations that end the sweep's own session. */
    private static final Set<String> SKIPPED = Set.of("POST /api/v1/auth/logout");
    private static final List<String> PATH_VALUES = List.of("not-a-uuid", UUID.randomUUID().toString(), "0", "-1", "a".repeat(300),
            "00000000-0000-0000-0000-000000000000", "ÿ", "'; --", "..");
    private static final List<String> QUERY_VALUES = List.of("x", "-1", "99999999999999999999", "", "2025-13-45", "'", "1e400", "NaN",
            "\u0000");
    private static final List<String> MALFORMED_BODIES = List.of("", "{", "[]", "null", "\"text\"", "123", "{\"unknown\":1}");
    private static final List<JsonNode> WRONG_VALUES = List.of(NODES.nullNode(), NODES.textNode("abc"), NODES.numberNode(-1),
            NODES.arrayNode(), NODES.objectNode(), NODES.numberNode(new BigInteger("99999999999999999999999")),
            NODES.textNode("a".repeat(70_000)), NODES.textNode("2025-02-30"), NODES.textNode("\u0000"));
    /** What a body must never carry: a Java stack frame or the name of a framework's class. */
    private static final Pattern LEAK = Pattern.compile("Exception|\\tat |at ng\\.risiti|org\\.hibernate|io\\.vertx|io\\.smallrye|"
            + "io\\.quarkus|org\\.postgresql|com\\.fasterxml");

    private final Api api;
    private final JsonNode schemas;
    private final Map<String, Integer> statuses = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();
    private int requests;

    private ErrorSweep(Api api, JsonNode schemas) {
        this.api = api;
        this.schemas = schemas;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        Api api = new Api(base).asNewTenant("Error Sweep Ltd").onPlan("enterprise");
        JsonNode spec = Api.JSON.readTree(api.send("GET", "/docs/openapi.json", null, null, false).body());
        ErrorSweep sweep = new ErrorSweep(api, spec.path("components").path("schemas"));
        long started = System.nanoTime();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String method = operation.getKey().toUpperCase();
                if (Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method) && !SKIPPED.contains(method + " " + path.getKey())) {
                    sweep.operation(method, path.getKey(), operation.getValue());
                }
            }
        }
        System.out.printf("answers by status: %s (%.0f s)%n", sweep.statuses, (System.nanoTime() - started) / 1e9);
        System.out.printf("error-sweep: %d requests, %d problems%n", sweep.requests, sweep.problems.size());
    }

    private void operation(String method, String template, JsonNode operation) throws InterruptedException {
        List<String> pathParameters = new ArrayList<>();
        List<String> queryParameters = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            (parameter.path("in").asText().equals("path") ? pathParameters : queryParameters).add(parameter.path("name").asText());
        }
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        List<String> bodies = new ArrayList<>();
        String valid = null;
        if (!schema.isMissingNode()) {
            JsonNode sample = sample(schema, 0);
            valid = sample.toString();
            bodies.addAll(MALFORMED_BODIES);
            bodies.add(valid);
            if (sample instanceof ObjectNode object) {
                object.fieldNames().forEachRemaining(field -> WRONG_VALUES.forEach(wrong -> bodies.add(object.deepCopy().set(field, wrong).toString())));
            }
        }
        for (boolean asUser : new boolean[] {true, false}) {
            List<String> paths = pathParameters.isEmpty() ? List.of(template)
                    : PATH_VALUES.stream().map(value -> fill(template, pathParameters, value)).toList();
            // a well-formed id (PATH_VALUES' second), or the only path: every body and query value go there
            String somePath = paths.get(Math.min(1, paths.size() - 1));
            for (String path : paths) {
                // every body once per operation, as the user on a well-formed id; other ids and the API key with the valid body
                boolean allBodies = path.equals(somePath);
                if (bodies.isEmpty()) {
                    call(method, path, null, asUser, operation);
                } else {
                    for (String body : allBodies && asUser ? bodies : List.of(valid)) {
                        call(method, path, body, asUser, operation);
                    }
                }
            }
            for (String parameter : queryParameters) {
                for (String value : QUERY_VALUES) {
                    call(method, somePath + "?" + parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8), valid, asUser, operation);
                }
            }
        }
    }

    private static String fill(String template, List<String> names, String value) {
        String path = template;
        for (String name : names) {
            path = path.replace("{" + name + "}", URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path;
    }

    private void call(String method, String path, String body, boolean asUser, JsonNode operation) throws InterruptedException {
        if (++requests % 1000 == 0) {
            System.out.printf("    %d requests, %d problems; now %s %s%n", requests, problems.size(), method, path);
        }
        String what = method + " " + (path.length() > 120 ? path.substring(0, 120) + "…" : path) + (asUser ? " (user)" : " (API key)")
                + (body == null ? "" : " body " + (body.length() > 100 ? body.substring(0, 100) + "…" : body));
        HttpResponse<String> response;
        try {
            response = api.send(method, path, null, body, asUser);
            long retryAfter = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L);
            if (response.statusCode() == 429 && retryAfter <= 60) {
                // the dashboard user's minute: wait it out, the sweep is about what comes after the limiter (a sign-in
                // lock of 15 minutes is an answer in itself)
                Thread.sleep(Duration.ofSeconds(retryAfter).plusMillis(200));
                response = api.send(method, path, null, body, asUser);
            }
        } catch (IOException | IllegalArgumentException e) {
            problem(what, "no answer: " + e);
            return;
        }
        int status = response.statusCode();
        statuses.merge(status / 100 + "xx", 1, Integer::sum);
        String text = response.body() == null ? "" : response.body();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            problem(what, status + " " + abbreviate(text));
        } else if (LEAK.matcher(text).find() && !path.contains("/pdf") && !path.contains("/xml")) {
            problem(what, "internals in the body: " + abbreviate(text));
        } else if (status >= 400 && !type.contains("json") && !documented(operation, status, type)) {
            problem(what, status + " answered as '" + type + "': " + abbreviate(text));
        }
    }

    /** Whether the operation documents this status in this media type (a page for people answers its errors as a page). */
    private static boolean documented(JsonNode operation, int status, String type) {
        String mediaType = type.split(";")[0].trim();
        return !mediaType.isEmpty() && operation.path("responses").path(String.valueOf(status)).path("content").has(mediaType);
    }

    private void problem(String what, String why) {
        problems.add(what);
        System.out.println("PROBLEM " + what + ": " + why);
    }

    private static String abbreviate(String text) {
        String line = text.replace('\n', ' ');
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    /** A plausible value for a schema: its example, its first enum value, or one built from its type. */
    private JsonNode sample(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        for (String composite : List.of("allOf", "oneOf", "anyOf")) {
            if (resolved.has(composite)) {
                resolved = resolve(resolved.get(composite).get(0));
            }
        }
        if (resolved.has("example")) {
            return resolved.get("example");
        }
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        String type = resolved.path("type").asText();
        if (type.equals("object") || resolved.has("properties")) {
            ObjectNode object = NODES.objectNode();
            if (depth < 4) {
                resolved.path("properties").fields().forEachRemaining(property -> object.set(property.getKey(), sample(property.getValue(), depth + 1)));
            }
            return object;
        }
        return switch (type) {
            case "array" -> NODES.arrayNode().add(sample(resolved.path("items"), depth + 1));
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(true);
            default -> switch (resolved.path("format").asText()) {
                case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                case "date" -> NODES.textNode("2025-03-24");
                case "date-time" -> NODES.textNode("2025-03-24T10:00:00Z");
                default -> NODES.textNode("x");
            };
        };
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            current = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return current;
    }
}
