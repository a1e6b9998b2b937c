package ng.risiti.platform.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7Tests {

    @Test
    void isVersion7VariantRfcAndCarriesTheTime() {
        long before = System.currentTimeMillis();
        UUID id = UuidV7.next();
        long after = System.currentTimeMillis();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    @Test
    void idsFromLaterMillisecondsSortAfterEarlierOnesAndNeverRepeat() throws InterruptedException {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(UuidV7.next());
            Thread.sleep(2);
        }
        assertThat(ids).isSortedAccordingTo(UUID::compareTo);
        HashSet<UUID> many = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(UuidV7.next());
        }
        assertThat(many).hasSize(100_000);
    }

    /** Fails on ids whose sub-millisecond bits were random: thousands are made per millisecond here. */
    @Test
    void idsMadeOneAfterAnotherSortInThatOrderEvenWithinAMillisecondAndStayVersion7() {
        UUID previous = UuidV7.next();
        for (int i = 0; i < 100_000; i++) {
            UUID next = UuidV7.next();
            assertThat(next.compareTo(previous)).as("id %d after %s", i, previous).isPositive();
            assertThat(next.version()).isEqualTo(7);
            assertThat(next.variant()).isEqualTo(2);
            previous = next;
        }
    }

    @Test
    void requestIdsAreReqPlusUuidV7AndOnlyWellFormedOnesAreKept() {
        String id = RequestId.next();
        assertThat(id).matches("req_[0-9a-f-]{36}");
        assertThat(RequestId.acceptOrNext(id)).isEqualTo(id);
        assertThat(RequestId.acceptOrNext("req_<script>")).isNotEqualTo("req_<script>").startsWith("req_");
        assertThat(RequestId.acceptOrNext(null)).startsWith("req_");
    }
}
