package ng.risiti.nrs.sandbox.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes the next N matching API calls fail, so clients' retries, timeouts and circuit breakers can be
 * exercised against the sandbox. One fault plan at a time; a new plan replaces the old one.
 */
@ApplicationScoped
public class FaultInjector {

    /** status: HTTP status to answer; delayMillis: wait before answering (a long delay simulates a timeout). */
    public record Fault(int remaining, int status, long delayMillis, String pathPrefix) {
    }

    private final AtomicReference<Fault> plan = new AtomicReference<>();

    public void arm(Fault fault) {
        plan.set(fault.remaining() > 0 ? fault : null);
    }

    public Optional<Fault> current() {
        return Optional.ofNullable(plan.get());
    }

    public void clear() {
        plan.set(null);
    }

    /** Consumes one fault if the plan matches this path. */
    public Optional<Fault> take(String path) {
        while (true) {
            Fault f = plan.get();
            if (f == null || !path.startsWith(f.pathPrefix())) {
                return Optional.empty();
            }
            Fault next = f.remaining() > 1 ? new Fault(f.remaining() - 1, f.status(), f.delayMillis(), f.pathPrefix()) : null;
            if (plan.compareAndSet(f, next)) {
                return Optional.of(f);
            }
        }
    }
}
