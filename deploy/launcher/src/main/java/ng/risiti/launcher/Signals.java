package ng.risiti.launcher;

/**
 * SIGTERM, SIGINT and SIGHUP handled by our code instead of starting JVM shutdown, so components stop in
 * order (a JVM shutdown would run every library's shutdown hook at once).
 */
final class Signals {

    private Signals() {
    }

    @SuppressWarnings("removal")
    static void onTermination(Runnable action) {
        for (String name : new String[] {"TERM", "INT", "HUP"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> Thread.ofPlatform().name("risiti-signal").start(action));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // signal not available here: the JVM shutdown hook still stops everything
            }
        }
    }
}
