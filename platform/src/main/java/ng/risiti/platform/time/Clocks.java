package ng.risiti.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The one {@link Clock} every bean injects instead of calling {@code now()}; a test replaces it to move time. */
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    public Clock system() {
        return Clock.systemUTC();
    }
}
