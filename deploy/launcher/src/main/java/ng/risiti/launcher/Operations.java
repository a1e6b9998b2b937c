package ng.risiti.launcher;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * What an operator does to the running stack: {@code dead-letters} lists and replays what consumers could never
 * apply, {@code outbox} shows what waits to be published and retries a parked event, {@code admin set-plan} puts a
 * business on a plan. Each calls the services' {@code /internal/*} endpoints with the service token
 * ({@code RISITI_INTERNAL_SERVICE_TOKEN}, else the local one).
 */
final class Operations {

    /** The development default every service has; production sets RISITI_INTERNAL_SERVICE_TOKEN. */
    static final String LOCAL_SERVICE_TOKEN = "local-service-token-override-in-production";
    private static final String TOKEN_HEADER = "X-Risiti-Service-Token";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String token = System.getenv().getOrDefault("RISITI_INTERNAL_SERVICE_TOKEN", LOCAL_SERVICE_TOKEN);

    /** {@code ./risiti dead-letters [SERVICE]}: every dead letter, per service. Exit 0 when there are none. */
    int deadLetters(List<String> services) {
        int total = 0;
        for (Stack.Service service : pick(services)) {
            JsonObject answer = get(service, "/internal/dead-letters");
            if (answer == null) {
                continue;
            }
            JsonArray letters = answer.getJsonArray("data");
            total += letters.size();
            Console.line("%s: %d dead letter(s)", service.name(), letters.size());
            for (int i = 0; i < letters.size(); i++) {
                JsonObject letter = letters.getJsonObject(i);
                Console.line("  %s %d %d  %s (%s) key %s%s", letter.getString("dead_letter_topic"), letter.getInteger("partition"),
                        letter.getLong("offset"), letter.getString("event_type"), letter.getString("event_id"), letter.getString("key"),
                        letter.getString("replayed_at") == null ? "" : "  replayed " + letter.getString("replayed_at"));
                Console.line("      %s (failed %s)", letter.getString("error"), letter.getString("failed_at"));
            }
        }
        if (total > 0) {
            Console.line("replay one after the fix: ./risiti dead-letters replay <service> <topic> <partition> <offset>");
        }
        return total == 0 ? 0 : 1;
    }

    /** {@code ./risiti dead-letters replay SERVICE TOPIC PARTITION OFFSET}. */
    int replay(String service, String topic, String partition, String offset) {
        Stack.Service target = service(service);
        HttpResponse<String> response = send(target, HttpRequest.newBuilder(uri(target, "/internal/dead-letters/"
                + URLEncoder.encode(topic, StandardCharsets.UTF_8) + "/" + partition + "/" + offset + "/replay"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() == 200) {
            JsonObject replay = new JsonObject(response.body()).getJsonObject("data");
            Console.line("%s", replay.getBoolean("applied") ? "applied event " + replay.getString("event_id")
                    : "event " + replay.getString("event_id") + " was already applied; nothing changed");
            return 0;
        }
        Console.line("replay refused (%d): %s", response.statusCode(), message(response.body()));
        return 1;
    }

    /** {@code ./risiti outbox [SERVICE]}: waiting and parked events per service. Exit 0 when nothing is parked. */
    int outbox(List<String> services) {
        long parked = 0;
        Console.line("  %-20s %-11s %8s %8s %s", "SERVICE", "RELAY", "WAITING", "PARKED", "OLDEST WAITING");
        for (Stack.Service service : pick(services)) {
            JsonObject answer = get(service, "/internal/outbox");
            if (answer == null) {
                continue;
            }
            JsonObject outbox = answer.getJsonObject("data");
            parked += outbox.getLong("parked");
            Console.line("  %-20s %-11s %8d %8d %ds%s", service.name(), outbox.getString("relay"), outbox.getLong("pending"),
                    outbox.getLong("parked"), outbox.getLong("oldest_pending_seconds"),
                    outbox.getString("failing_since") == null ? "" : "  failing since " + outbox.getString("failing_since") + ": "
                            + outbox.getString("last_failure"));
            JsonArray events = outbox.getJsonArray("parked_events");
            for (int i = 0; i < events.size(); i++) {
                JsonObject event = events.getJsonObject(i);
                Console.line("      parked %s %s on %s (aggregate %s v%d, %d attempts): %s", event.getString("id"), event.getString("type"),
                        event.getString("topic"), event.getString("key"), event.getLong("aggregate_version"), event.getInteger("attempts"),
                        event.getString("last_error"));
            }
        }
        if (parked > 0) {
            Console.line("after fixing the cause: ./risiti outbox retry <service> <event id>");
        }
        return parked == 0 ? 0 : 1;
    }

    /** {@code ./risiti outbox retry SERVICE EVENT_ID}. */
    int retry(String service, String eventId) {
        Stack.Service target = service(service);
        HttpResponse<String> response = send(target, HttpRequest.newBuilder(uri(target, "/internal/outbox/" + eventId + "/retry"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() == 200) {
            Console.line("event %s is queued again; its aggregate's later events follow it", eventId);
            return 0;
        }
        Console.line("retry refused (%d): %s", response.statusCode(), message(response.body()));
        return 1;
    }

    /** {@code ./risiti admin set-plan EMAIL PLAN}: puts the business of that user on the plan (auth-service). */
    int setPlan(String email, String plan) {
        Stack.Service auth = service(Routes.AUTH);
        HttpResponse<String> response = send(auth, HttpRequest.newBuilder(uri(auth, "/internal/tenants/plan"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("email", email).put("plan", plan).encode())));
        if (response.statusCode() == 200) {
            JsonObject tenant = new JsonObject(response.body()).getJsonObject("data");
            Console.line("%s (%s) is on the %s plan", tenant.getString("business_name"), tenant.getString("tenant_id"),
                    tenant.getString("plan"));
            return 0;
        }
        Console.line("set-plan refused (%d): %s", response.statusCode(), message(response.body()));
        return 1;
    }

    private JsonObject get(Stack.Service service, String path) {
        HttpResponse<String> response;
        try {
            response = send(service, HttpRequest.newBuilder(uri(service, path)).GET());
        } catch (IllegalStateException unreachable) {
            Console.line("%s: not reachable (%s)", service.name(), unreachable.getMessage());
            return null;
        }
        if (response.statusCode() != 200) {
            Console.line("%s: %d %s", service.name(), response.statusCode(), message(response.body()));
            return null;
        }
        return new JsonObject(response.body());
    }

    private HttpResponse<String> send(Stack.Service service, HttpRequest.Builder request) {
        try {
            return http.send(request.header(TOKEN_HEADER, token).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IllegalStateException(service.name() + " does not answer on port " + service.port() + "; is the stack up?", e);
        } catch (IOException e) {
            throw new IllegalStateException(service.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static URI uri(Stack.Service service, String path) {
        return URI.create("http://" + Stack.HOST + ":" + service.port() + path);
    }

    private static List<Stack.Service> pick(List<String> names) {
        return names.isEmpty() ? Stack.SERVICES : names.stream().map(Operations::service).toList();
    }

    private static Stack.Service service(String name) {
        return Stack.SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a service: " + name + "; one of " + Routes.SERVICES));
    }

    private static String message(String body) {
        try {
            return new JsonObject(body).getJsonObject("error").getString("message");
        } catch (RuntimeException notOurs) {
            return body;
        }
    }
}
