package ng.risiti.testsupport;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;

/**
 * What Prometheus reads from the service under test at {@code /q/metrics}. Counters add up over a whole test run, so
 * tests compare a series before and after what they do ({@link #value}) rather than expecting a fixed number.
 */
public final class ScrapedMetrics {

    private final String text;

    private ScrapedMetrics(String text) {
        this.text = text;
    }

    public static ScrapedMetrics scrape() {
        return new ScrapedMetrics(given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString());
    }

    public String text() {
        return text;
    }

    /**
     * What every service exports through the platform, once it served {@code method route} (the route template, as
     * the series names it: never the id in the path) and ran the consumer of {@code channel}. Waits a moment: a request
     * is counted when its response has ended, which may be just after the client read it.
     */
    public static ScrapedMetrics awaitPlatformSeries(String method, String route, String channel) {
        ScrapedMetrics[] last = new ScrapedMetrics[1];
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            last[0] = scrape();
            last[0].assertPlatformSeries(method, route, channel);
        });
        return last[0];
    }

    private void assertPlatformSeries(String method, String route, String channel) {
        Assertions.assertThat(value("http_server_requests_seconds_count", "method", method, "uri", route))
                .as(method + " " + route + " among " + text.lines().filter(line -> line.startsWith("http_server_requests_seconds_count")
                        && line.contains("method=\"" + method + "\"")).toList())
                .isGreaterThanOrEqualTo(1);
        for (String outbox : List.of("risiti_outbox_pending", "risiti_outbox_parked", "risiti_outbox_oldest_pending_seconds",
                "risiti_outbox_published_total")) {
            Assertions.assertThat(has(outbox)).as(outbox).isTrue();
        }
        Assertions.assertThat(has("risiti_consumer_lag", "channel", channel)).as("lag of " + channel).isTrue();
        Assertions.assertThat(has("risiti_consumer_dead_letters_total", "channel", channel)).as("dead letters of " + channel).isTrue();
    }

    /** Whether a series of {@code name} with {@code labels} (name/value pairs) is exported, whatever its value. */
    public boolean has(String name, String... labels) {
        return !series(name, labels).isEmpty();
    }

    /**
     * The sum of every series of {@code name} whose labels include {@code labels} (0 when none exists yet). Pass
     * labels as name/value pairs: {@code value("risiti_nrs_calls_seconds_count", "step", "sign")}.
     */
    public double value(String name, String... labels) {
        return series(name, labels).stream().mapToDouble(Double::doubleValue).sum();
    }

    private List<Double> series(String name, String... labels) {
        Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i + 1 < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        List<Double> values = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            // label values hold braces themselves (uri="/api/v1/customers/{id}"): the label set ends at the last one
            String sample = line.contains(" # ") ? line.substring(0, line.indexOf(" # ")) : line;
            int close = sample.lastIndexOf('}');
            String series = close < 0 ? "" : sample.substring(name.length() + 1, close);
            if (wanted.entrySet().stream().allMatch(label -> series.contains(label.getKey() + "=\"" + label.getValue() + "\""))) {
                String rest = sample.substring(close < 0 ? name.length() : close + 1).trim();
                values.add(Double.parseDouble(rest.split("\\s+")[0]));
            }
        }
        return values;
    }
}
