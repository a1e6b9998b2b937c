package ng.risiti.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * CPU time the stack's processes used (user + system, from /proc): taken before and after a phase, it says how many
 * milliseconds of CPU each component spent per request. PostgreSQL is the postmaster and all its backends.
 */
final class ProcessCpu {

    private static final double TICK_MILLIS = 10.0; // USER_HZ is 100 on Linux

    private final LocalStack stack;
    private final Map<String, Long> pids = new LinkedHashMap<>();

    ProcessCpu(LocalStack stack, String... components) {
        this.stack = stack;
        for (String component : components) {
            pid(component).ifPresent(pid -> pids.put(component, pid));
        }
    }

    private OptionalLong pid(String component) {
        return "gateway".equals(component) ? stack.supervisorPid() : stack.pid(component);
    }

    /** CPU milliseconds per component now. */
    Map<String, Double> sample() {
        Map<String, Double> millis = new LinkedHashMap<>();
        pids.forEach((name, pid) -> millis.put(name, ticks(pid) * TICK_MILLIS));
        stack.pid("postgres").ifPresent(postmaster -> millis.put("postgres", postgresTicks(postmaster) * TICK_MILLIS));
        millis.put(CLIENT, ticks(ProcessHandle.current().pid()) * TICK_MILLIS);
        millis.put(MACHINE, machineTicks() * TICK_MILLIS);
        return millis;
    }

    /** This benchmark's own process: the load generator shares the two cores with the stack. */
    private static final String CLIENT = "bench client";
    private static final String MACHINE = "machine";

    /**
     * Waits (up to {@code maxSeconds}) until the whole machine is below {@code busyPercent} busy over one second: the
     * consumers and the broker catch up on the events a saturating phase left behind, so the next phase measures its own
     * load, not that backlog. Returns the seconds waited.
     */
    static int awaitQuiet(int busyPercent, int maxSeconds) throws InterruptedException {
        for (int waited = 0; waited < maxSeconds; waited++) {
            long before = machineTicks();
            Thread.sleep(1000);
            double busy = (machineTicks() - before) * TICK_MILLIS / 1000 / 2 * 100;
            if (busy < busyPercent) {
                return waited + 1;
            }
        }
        return maxSeconds;
    }

    /** Busy ticks of all CPUs (everything but idle and iowait), from /proc/stat. */
    private static long machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int field = 1; field < cpu.length && field <= 8; field++) {
                if (field != 4 && field != 5) { // idle, iowait
                    busy += Long.parseLong(cpu[field]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Per component: CPU ms used between the samples, per request. */
    static String perRequest(Map<String, Double> before, Map<String, Double> after, long requests, double seconds) {
        StringBuilder line = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Double> entry : after.entrySet()) {
            if (entry.getKey().equals(MACHINE)) {
                continue;
            }
            double used = entry.getValue() - before.getOrDefault(entry.getKey(), entry.getValue());
            total += used;
            line.append(String.format("%s %.2f, ", entry.getKey(), used / Math.max(1, requests)));
        }
        double machine = after.getOrDefault(MACHINE, 0.0) - before.getOrDefault(MACHINE, 0.0);
        return line.append(String.format("all %.2f ms CPU per request (%.0f%% of 2 cores); the whole machine was %.0f%% busy",
                total / Math.max(1, requests), total / (seconds * 1000) / 2 * 100, machine / (seconds * 1000) / 2 * 100)).toString();
    }

    private static long postgresTicks(long postmaster) {
        long total = ticks(postmaster);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                String[] stat = stat(Long.parseLong(process.getFileName().toString()));
                if (stat != null && Long.parseLong(stat[1]) == postmaster) {
                    total += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                }
            }
        } catch (IOException e) {
            return total;
        }
        return total;
    }

    private static long ticks(long pid) {
        String[] stat = stat(pid);
        return stat == null ? 0 : Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
    }

    /** Fields of /proc/pid/stat after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime. */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
