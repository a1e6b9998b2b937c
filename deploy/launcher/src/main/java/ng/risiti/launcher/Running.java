package ng.risiti.launcher;

import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One run of a component: what {@code state.json} shows of it, how to stop it, whether it still runs and, once it
 * died, why (for the restart line in the log).
 */
record Running(StackState.Component component, Runnable stop, BooleanSupplier alive, Supplier<String> exitReason) {

    /** For the log: "exit code 137 (SIGKILL)"; a JVM reports death by signal n as 128 + n. */
    static String exitReason(OptionalInt exitCode) {
        if (exitCode.isEmpty()) {
            return "exit code unknown";
        }
        int code = exitCode.getAsInt();
        String signal = switch (code) {
            case 129 -> "SIGHUP";
            case 130 -> "SIGINT";
            case 134 -> "SIGABRT";
            case 137 -> "SIGKILL";
            case 139 -> "SIGSEGV";
            case 143 -> "SIGTERM";
            default -> null;
        };
        return "exit code " + code + (signal == null ? "" : " (" + signal + ")");
    }
}
