package ng.risiti.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Latencies of one measured phase, in nanoseconds: percentiles and throughput. */
final class Latencies {

    private long[] values = new long[1 << 16];
    private int size;
    private int errors;
    private final Map<String, Integer> errorsByReason = new TreeMap<>();

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    /** A request that did not get the answer it should: {@code why} is a status or an exception. */
    synchronized void error(String why) {
        errors++;
        errorsByReason.merge(why, 1, Integer::sum);
    }

    synchronized int count() {
        return size;
    }

    synchronized int errors() {
        return errors;
    }

    /** "0 errors", or how many and why: "12 errors (HTTP 503: 10, HttpTimeoutException: 2)". */
    synchronized String errorSummary() {
        if (errors == 0) {
            return "0 errors";
        }
        StringBuilder reasons = new StringBuilder();
        errorsByReason.forEach((why, count) -> reasons.append(reasons.isEmpty() ? "" : ", ").append(why).append(": ").append(count));
        return errors + " errors (" + reasons + ")";
    }

    /** The p-th percentile in milliseconds (p in 0..100). */
    synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int index = (int) Math.min(size - 1, Math.ceil(p / 100.0 * size) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    String summary() {
        return String.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms", percentileMillis(50), percentileMillis(90),
                percentileMillis(99), percentileMillis(100));
    }
}
