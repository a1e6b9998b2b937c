package ng.risiti.nrs.submissions.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import ng.risiti.nrs.submissions.config.NrsConfig;

/**
 * One circuit per tenant and world, in memory (each replica keeps its own: a replica learns NRS is failing for a
 * tenant from its own calls, which is enough to stop hammering it). After {@code breakerFailures} passing failures in
 * a row the circuit opens: that tenant's submissions wait, without calling NRS, until {@code breakerOpenFor} passes;
 * then one call goes through (half-open). Its success closes the circuit, its failure opens it again. Validation
 * errors and other answers NRS gives on purpose are not failures here: NRS is up.
 */
@ApplicationScoped
public class CircuitBreakers {

    private record Key(UUID tenantId, boolean test) {
    }

    /** {@code trialUntil}: a trial call is out; if it never reports (its job made no call), another may go after it. */
    private record State(int failures, Instant openUntil, Instant trialUntil) {
    }

    private final ConcurrentMap<Key, State> circuits = new ConcurrentHashMap<>();
    private final NrsConfig.Submissions config;
    private final Clock clock;

    public CircuitBreakers(NrsConfig config, Clock clock) {
        this.config = config.submissions();
        this.clock = clock;
    }

    /**
     * Null when a call may go to NRS now (closed, or the one trial call of a half-open circuit); else the instant the
     * circuit lets a trial call through.
     */
    public Instant blockedUntil(UUID tenantId, boolean test) {
        Instant now = clock.instant();
        Instant[] blocked = new Instant[1];
        circuits.computeIfPresent(new Key(tenantId, test), (key, state) -> {
            if (state.openUntil() == null) {
                return state;
            }
            if (now.isBefore(state.openUntil())) {
                blocked[0] = state.openUntil();
                return state;
            }
            if (state.trialUntil() != null && now.isBefore(state.trialUntil())) {
                blocked[0] = state.trialUntil();
                return state;
            }
            return new State(state.failures(), state.openUntil(), now.plus(config.breakerOpenFor()));
        });
        return blocked[0];
    }

    public void succeeded(UUID tenantId, boolean test) {
        circuits.remove(new Key(tenantId, test));
    }

    public void failed(UUID tenantId, boolean test) {
        Instant now = clock.instant();
        circuits.compute(new Key(tenantId, test), (key, state) -> {
            int failures = state == null ? 1 : state.failures() + 1;
            boolean open = state != null && state.trialUntil() != null || failures >= config.breakerFailures();
            return new State(failures, open ? now.plus(config.breakerOpenFor()) : null, null);
        });
    }

    /** Whether the circuit is open now (for the submission's last error and the docs' "circuit open" state). */
    public boolean open(UUID tenantId, boolean test) {
        State state = circuits.get(new Key(tenantId, test));
        return state != null && state.openUntil() != null;
    }
}
