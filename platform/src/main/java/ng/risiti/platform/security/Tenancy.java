package ng.risiti.platform.security;

import java.util.UUID;

/**
 * Whose data a query may see: one tenant, in one world. Test mode is a separate world (as Stripe has it): every
 * tenant-scoped row carries its mode, and a query made with an {@code rs_test_} key never sees live rows, nor the
 * other way round.
 */
public record Tenancy(UUID tenantId, boolean test) {

    public Tenancy {
        if (tenantId == null) {
            throw new IllegalArgumentException("tenantId is required");
        }
    }

    public static Tenancy live(UUID tenantId) {
        return new Tenancy(tenantId, false);
    }
}
