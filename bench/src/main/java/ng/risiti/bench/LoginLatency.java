package ng.risiti.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Login latency through the gateway of a running stack (./risiti up --detach): registers one account, then times
 * sequential POST /api/v1/auth/login calls (Argon2id verification is most of the cost, on purpose).
 * Usage: java -cp ... ng.risiti.bench.LoginLatency [base-url] [logins]
 */
public final class LoginLatency {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int logins = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String email = "bench-" + UUID.randomUUID() + "@risiti.test";
        String password = "Bench1234!";
        send(http, base + "/api/v1/auth/register", """
                {"first_name":"Bench","last_name":"Mark","email":"%s","password":"%s","business_name":"Bench Ltd","business_type":"sme"}"""
                .formatted(email, password), 201);
        String login = "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password);
        for (int i = 0; i < 10; i++) {
            send(http, base + "/api/v1/auth/login", login, 200);
        }
        List<Long> micros = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < logins; i++) {
            long t = System.nanoTime();
            send(http, base + "/api/v1/auth/login", login, 200);
            micros.add((System.nanoTime() - t) / 1000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Collections.sort(micros);
        System.out.printf("login through %s, %d sequential calls after 10 warm-up: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, %.1f logins/s%n",
                base, logins, pct(micros, 50), pct(micros, 90), pct(micros, 99), micros.get(micros.size() - 1) / 1000.0, logins / seconds);
    }

    private static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    private static void send(HttpClient http, String url, String body, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
