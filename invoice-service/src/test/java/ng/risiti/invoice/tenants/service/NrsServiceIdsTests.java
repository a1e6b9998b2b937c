package ng.risiti.invoice.tenants.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import ng.risiti.platform.request.UuidV7;
import org.junit.jupiter.api.Test;

class NrsServiceIdsTests {

    @Test
    void sandboxServiceIdIsStablePerTenantAndDiffersBetweenTenantsCreatedTogether() {
        UUID tenant = UUID.fromString("01954abc-1234-7678-9abc-def012345678");
        assertThat(NrsServiceIds.sandbox(tenant)).isEqualTo("12345678").isEqualTo(NrsServiceIds.sandbox(tenant));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(NrsServiceIds.sandbox(UuidV7.next()));
        }
        assertThat(ids).hasSizeGreaterThan(995).allMatch(id -> id.matches("[0-9A-F]{8}"));
    }
}
