package ng.risiti.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeyRegistryTests {

    /** Fails on the old registry: every unknown hash stayed in an unbounded map, so a flood of bad keys filled the heap. */
    @Test
    void aFloodOfUnknownKeysKeepsTheNegativeCacheBounded() {
        ApiKeyLookupClient nobodyKnows = hash -> Uni.createFrom().failure(new WebApplicationException(Response.status(404).build()));
        ApiKeyRegistry registry = new ApiKeyRegistry(nobodyKnows, new ObjectMapper(), Clock.systemUTC(), Map.of());
        for (int i = 0; i < 25_000; i++) {
            assertThat(registry.find("unknown-" + i).await().indefinitely()).isNull();
        }
        assertThat(registry.unknownRemembered()).isLessThanOrEqualTo(10_000);
    }

    @Test
    void aRevocationIsNeverUndoneByAnOlderOrALaterUnrevokedView() {
        ApiKeyRegistry registry = new ApiKeyRegistry(hash -> Uni.createFrom().nullItem(), new ObjectMapper(), Clock.systemUTC(), Map.of());
        UUID tenant = UUID.randomUUID();
        ApiKeyState live = new ApiKeyState("h", UUID.randomUUID(), tenant, null, "rs_live_abc", List.of("admin"), false, null, null);
        ApiKeyState revoked = new ApiKeyState("h", live.keyId(), tenant, null, "rs_live_abc", List.of("admin"), false, null,
                java.time.Instant.now());
        registry.accept(live, 1);
        registry.accept(revoked, 2);
        registry.accept(live, 1);
        registry.accept(live, 3);
        assertThat(registry.find("h").await().indefinitely().revokedAt()).isNotNull();
    }
}
