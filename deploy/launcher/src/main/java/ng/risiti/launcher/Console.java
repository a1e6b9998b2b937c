package ng.risiti.launcher;

import java.io.PrintStream;
import java.util.Locale;

/** Progress lines, one per event, flushed at once (the supervisor's output is a file the client tails). */
final class Console {

    private static final PrintStream OUT = System.out;

    private Console() {
    }

    static synchronized void line(String fmt, Object... args) {
        OUT.println(args.length == 0 ? fmt : String.format(Locale.ROOT, fmt, args));
        OUT.flush();
    }

    static void starting(String name) {
        line("  starting %-20s ...", name);
    }

    static void ready(String name, String where, long startNanos) {
        line("  ready    %-20s %-42s (%s)", name, where, seconds(startNanos));
    }

    static void failed(String name, String why) {
        line("  FAILED   %-20s %s", name, why);
    }

    static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1fs", (System.nanoTime() - startNanos) / 1e9);
    }
}
