package ng.risiti.testsupport;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.TreeMap;

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
     * The sum of every series of {@code name} whose labels include {@code labels} (0 when none exists yet). Pass
     * labels as name/value pairs: {@code value("risiti_nrs_calls_seconds_count", "step", "sign")}.
     */
    public double value(String name, String... labels) {
        Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i + 1 < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            int close = line.indexOf('}');
            String series = close < 0 ? "" : line.substring(name.length() + 1, close);
            if (wanted.entrySet().stream().allMatch(label -> series.contains(label.getKey() + "=\"" + label.getValue() + "\""))) {
                String rest = line.substring(close < 0 ? name.length() : close + 1).trim();
                sum += Double.parseDouble(rest.split("\\s+")[0]);
            }
        }
        return sum;
    }
}
