package ng.risiti.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The one {@link Clock} every bean injects instead of calling {@code now()}; a test replaces it to move time. */
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    public Clock system() {
        return Clock.systemUTC();
    }

    /** The clock's time as PostgreSQL keeps a timestamptz (UTC, microseconds), so a value read back equals the one written. */
    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
