package ng.risiti.platform.concurrent;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Pauses every {@code @Scheduled} job as soon as shutdown begins. The scheduler itself stops late, after the database
 * pool has closed, so until then each job that fired (the outbox prune, the stats fold, dispatchers every second)
 * failed with "Pool closed" and logged an ERROR with its stack trace on every deploy and restart. A job already
 * running finishes or fails as before; its work is done again by the next replica's run.
 */
@ApplicationScoped
public class ScheduledJobs {

    private final Scheduler scheduler;

    public ScheduledJobs(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    void pauseOnShutdown(@Observes @Priority(1) ShutdownEvent ignored) {
        scheduler.pause();
    }
}
