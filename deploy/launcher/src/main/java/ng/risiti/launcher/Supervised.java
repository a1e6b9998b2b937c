package ng.risiti.launcher;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One component the supervisor runs: its current run, how to start it again, and its restart history. The lock is
 * held while it is stopped and started, so a restart by hand and an automatic one never overlap.
 */
final class Supervised {

    /**
     * Starts the component and returns once it is healthy. Hands the run to {@code started} as soon as a process
     * exists, so that a stop requested during the wait for health finds it and stops it.
     */
    @FunctionalInterface
    interface Starter {
        Running start(Consumer<Running> started) throws Exception;
    }

    final ReentrantLock lock = new ReentrantLock();

    private final String name;
    private final int tier;
    private final Backoff backoff;
    private final AtomicBoolean recovering = new AtomicBoolean();
    private volatile Starter starter;
    /** why it cannot be started again alone; null when it can */
    private volatile String notRestartable;
    private volatile Running current;
    private int restarts;
    private Instant lastRestartAt;
    private String lastRestartReason;

    Supervised(String name, int tier, Starter starter, RestartPolicy policy) {
        this.name = name;
        this.tier = tier;
        this.starter = starter;
        this.backoff = new Backoff(policy);
    }

    String name() {
        return name;
    }

    int tier() {
        return tier;
    }

    Backoff backoff() {
        return backoff;
    }

    Starter starter() {
        return starter;
    }

    /** The next start (automatic or by hand) uses this, e.g. a service with extra environment. */
    void starter(Starter next) {
        this.starter = next;
    }

    void notRestartable(String why) {
        this.notRestartable = why;
    }

    /** null when it can be restarted */
    String whyNotRestartable() {
        return notRestartable;
    }

    Running current() {
        return current;
    }

    void current(Running run) {
        this.current = run;
    }

    /** Claims the automatic recovery of a dead run; false if one is already under way. */
    boolean claimRecovery() {
        return recovering.compareAndSet(false, true);
    }

    void recoveryDone() {
        recovering.set(false);
    }

    boolean busy() {
        return recovering.get() || lock.isLocked();
    }

    synchronized void restarting(Instant at, String reason) {
        restarts++;
        lastRestartAt = at;
        lastRestartReason = reason;
    }

    synchronized int restarts() {
        return restarts;
    }

    /** Its line in state.json: the current run plus the restart history; null before it ran. */
    synchronized StackState.Component state() {
        Running run = current;
        return run == null ? null
                : run.component().withRestarts(restarts, lastRestartAt == null ? null : lastRestartAt.toString(), lastRestartReason);
    }
}
