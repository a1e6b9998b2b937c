package ng.risiti.platform.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the test consumer should fail on: a note's text fails N times (transient), arrives N times too early, or fails
 * for good until healed.
 */
@ApplicationScoped
public class ConsumerFaults {

    private final Map<String, AtomicInteger> transientFailures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> tooEarly = new ConcurrentHashMap<>();
    private final Set<String> permanent = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    public void failTimes(String text, int times) {
        transientFailures.put(text, new AtomicInteger(times));
    }

    /** The next {@code times} attempts find what the note needs not arrived yet ({@code EventTooEarly}). */
    public void tooEarlyTimes(String text, int times) {
        tooEarly.put(text, new AtomicInteger(times));
    }

    public void failForever(String text) {
        transientFailures.put(text, new AtomicInteger(Integer.MAX_VALUE));
    }

    public void refuse(String text) {
        permanent.add(text);
    }

    public void heal(String text) {
        transientFailures.remove(text);
        permanent.remove(text);
    }

    public int attempts(String text) {
        AtomicInteger count = attempts.get(text);
        return count == null ? 0 : count.get();
    }

    /** Counts the attempt; true when this attempt must fail for a moment. */
    boolean failsNow(String text) {
        attempts.computeIfAbsent(text, ignored -> new AtomicInteger()).incrementAndGet();
        AtomicInteger left = transientFailures.get(text);
        return left != null && left.getAndDecrement() > 0;
    }

    /** True when this attempt comes before what the note needs (counted by {@link #failsNow}). */
    boolean tooEarlyNow(String text) {
        AtomicInteger left = tooEarly.get(text);
        return left != null && left.getAndDecrement() > 0;
    }

    boolean refused(String text) {
        return permanent.contains(text);
    }
}
