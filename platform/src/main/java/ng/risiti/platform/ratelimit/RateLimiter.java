package ng.risiti.platform.ratelimit;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import ng.risiti.platform.events.contract.EntitlementState;
import ng.risiti.platform.security.Tenancy;

/**
 * Decides each request from memory (docs/adr/0013-rate-limits-and-metering.md): API-key calls against the tenant's
 * plan (burst per minute in this replica; calls per day = billing's count from every replica + this replica's calls
 * billing has not counted yet; the credit state billing last published, less those calls), dashboard (JWT) calls
 * against a per-user limit of their own, anonymous calls not at all. Windows are UTC: minutes, and days that reset at
 * 00:00 UTC.
 */
@Singleton
public class RateLimiter {

    /**
     * What the request may do and what its {@code X-RateLimit-*} headers say; {@code reason} says which limit refused
     * it (null when allowed).
     */
    public record Verdict(Outcome outcome, long limit, long remaining, long resetEpochSecond, long retryAfterSeconds, String message,
            Reason reason) {

        public Verdict(Outcome outcome, long limit, long remaining, long resetEpochSecond, long retryAfterSeconds, String message) {
            this(outcome, limit, remaining, resetEpochSecond, retryAfterSeconds, message, null);
        }

        public boolean allowed() {
            return outcome == Outcome.ALLOWED;
        }
    }

    public enum Outcome { ALLOWED, RATE_LIMITED, PLAN_LIMIT_EXCEEDED }

    /**
     * Which limit refused a call (the {@code reason} of risiti_rate_limit_rejections_total): the per-minute burst, the
     * daily limit, or credits (a Free tenant's ran out: 402; a paid plan beyond its daily allowance with none left: 429).
     */
    public enum Reason {
        BURST, DAILY, CREDITS;

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final String EXHAUSTED = "API credits are exhausted: top up at /api/v1/api-credits/top-up.";
    private static final DateTimeFormatter RESET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final long MINUTE = 60_000;
    private static final long DAY = 86_400_000;
    /** What the headers say for a plan without a number (Enterprise before an operator sets one). */
    private static final long UNLIMITED = Integer.MAX_VALUE;

    private final RateLimitConfig config;
    private final Entitlements entitlements;
    private final UsageMeter meter;
    private final Map<Tenancy, Window> tenantMinutes = new ConcurrentHashMap<>();
    private final Map<UUID, Window[]> userWindows = new ConcurrentHashMap<>();

    public RateLimiter(RateLimitConfig config, Entitlements entitlements, UsageMeter meter) {
        this.config = config;
        this.entitlements = entitlements;
        this.meter = meter;
    }

    /** A call made with an API key of {@code tenancy}; counted (and metered) only when allowed. */
    public Verdict apiKey(Tenancy tenancy, UUID keyId, long nowMillis) {
        EntitlementState state = entitlements.find(tenancy);
        long perDay = state == null ? config.defaultCallsPerDay() : orUnlimited(state.callsPerDay());
        long burst = state == null ? config.defaultBurstPerMinute() : orUnlimited(state.burstPerMinute());
        long day = nowMillis / DAY;
        long reset = (day + 1) * DAY / 1000;
        long uncounted = meter.uncounted(tenancy);
        long used = (state == null ? 0 : state.callsOn(LocalDate.ofEpochDay(day))) + uncounted;
        if (config.enabled()) {
            if (used >= perDay && (state == null || state.includedCallsPerDay() == 0 || state.exhausted())) {
                // Free: the plan's daily limit is a hard one; paid plans go on beyond their allowance while credits pay
                return refusal(state == null || state.includedCallsPerDay() == 0 ? Reason.DAILY : Reason.CREDITS, perDay, reset,
                        reset * 1000 - nowMillis, reset);
            }
            if (state != null && !tenancy.test() && state.includedCallsPerDay() == 0 && state.callsAvailable() - uncounted <= 0) {
                return new Verdict(Outcome.PLAN_LIMIT_EXCEEDED, perDay, Math.max(0, perDay - used), reset, 0, EXHAUSTED, Reason.CREDITS);
            }
            long minute = nowMillis / MINUTE;
            if (!tenantMinutes.computeIfAbsent(tenancy, t -> new Window()).tryAcquire(minute, burst)) {
                long nextMinute = (minute + 1) * MINUTE;
                return refusal(Reason.BURST, perDay, Math.max(0, perDay - used), nextMinute - nowMillis, nextMinute / 1000, reset);
            }
        }
        meter.record(tenancy, keyId, nowMillis / MINUTE);
        return new Verdict(Outcome.ALLOWED, perDay, Math.max(0, perDay - used - 1), reset, 0, null);
    }

    /** A dashboard call of {@code userId} (JWT): a generous per-user limit, never metered. */
    public Verdict user(UUID userId, long nowMillis) {
        Window[] windows = userWindows.computeIfAbsent(userId, u -> new Window[] {new Window(), new Window()});
        long day = nowMillis / DAY;
        long reset = (day + 1) * DAY / 1000;
        long perDay = config.userPerDay();
        if (config.enabled()) {
            if (!windows[1].tryAcquire(day, perDay)) {
                return refusal(Reason.DAILY, perDay, reset, reset * 1000 - nowMillis, reset);
            }
            long minute = nowMillis / MINUTE;
            if (!windows[0].tryAcquire(minute, config.userPerMinute())) {
                long nextMinute = (minute + 1) * MINUTE;
                return refusal(Reason.BURST, perDay, Math.max(0, perDay - windows[1].count(day)), nextMinute - nowMillis,
                        nextMinute / 1000, reset);
            }
        }
        return new Verdict(Outcome.ALLOWED, perDay, Math.max(0, perDay - windows[1].count(day)), reset, 0, null);
    }

    /** A call without a credential (sign-up, login, public pages): not counted here; the headers show the Free plan's day. */
    public Verdict anonymous(long nowMillis) {
        long reset = (nowMillis / DAY + 1) * DAY / 1000;
        return new Verdict(Outcome.ALLOWED, config.defaultCallsPerDay(), config.defaultCallsPerDay(), reset, 0, null);
    }

    private static Verdict refusal(Reason reason, long limit, long resetSecond, long waitMillis, long dailyReset) {
        return refusal(reason, limit, 0, waitMillis, resetSecond, dailyReset);
    }

    /** A 429 (every refusal but a Free tenant's exhausted credits). */
    private static Verdict refusal(Reason reason, long limit, long remaining, long waitMillis, long resetSecond, long dailyReset) {
        String message = "API rate limit exceeded. Resets at " + RESET.format(Instant.ofEpochSecond(resetSecond)) + ".";
        return new Verdict(Outcome.RATE_LIMITED, limit, remaining, dailyReset, Math.max(1, (waitMillis + 999) / 1000), message, reason);
    }

    private static long orUnlimited(Integer limit) {
        return limit == null ? UNLIMITED : limit;
    }
}
