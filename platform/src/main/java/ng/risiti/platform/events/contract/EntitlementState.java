package ng.risiti.platform.events.contract;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Value of a {@code risiti.entitlements.v1} record (compacted; key = {@code <tenant id>:<live|test>}, type
 * {@code entitlements.updated}): what one tenant may do in one world, as billing-service last computed it. Every
 * service keeps the latest per key in memory ({@code ratelimit/Entitlements}) and enforces it.
 *
 * @param features the plan's feature slugs ({@link #NRS_SUBMISSION}, {@link #PDF}, {@link #XML}, {@link #CREDIT_NOTES})
 * @param callsPerDay the plan's daily API-call limit; null = no limit (Enterprise without numbers)
 * @param burstPerMinute the plan's per-minute limit; null = no limit
 * @param invoicesPerMonth null = unlimited
 * @param includedCallsPerDay calls a day the plan pays for (0 on Free: every call after the trial costs credits)
 * @param callsDay the UTC day {@code callsToday} counts (a state from yesterday means 0 today)
 * @param callsToday API-key calls billing has counted on {@code callsDay}, from every replica of every service
 * @param callsAvailable calls the credits still pay for: trial calls left + balance / cost per call
 * @param exhausted nothing left to pay for a call beyond the included ones
 * @param meteredEvent the {@code api_calls.metered} event this state is the first to count (null when something else
 *     changed): the replica that wrote it stops adding that event's calls, and its earlier ones, to these numbers
 */
@RegisterForReflection
public record EntitlementState(UUID tenantId, boolean testMode, String planSlug, Set<String> features, Integer callsPerDay,
        Integer burstPerMinute, Integer invoicesPerMonth, int includedCallsPerDay, LocalDate callsDay, long callsToday,
        long balanceKobo, int freeCallsRemaining, long callsAvailable, boolean exhausted, Instant asOf,
        String meteredEvent) {

    public static final String NRS_SUBMISSION = "nrs_submission";
    public static final String PDF = "pdf";
    public static final String XML = "xml";
    public static final String CREDIT_NOTES = "credit_notes";

    /** The record key: one state per tenant and world. */
    public static String key(UUID tenantId, boolean testMode) {
        return tenantId + (testMode ? ":test" : ":live");
    }

    public boolean has(String feature) {
        return features != null && features.contains(feature);
    }

    /** Calls counted today by billing ({@code 0} when the state is from an earlier day). */
    public long callsOn(LocalDate day) {
        return day.equals(callsDay) ? callsToday : 0;
    }
}
