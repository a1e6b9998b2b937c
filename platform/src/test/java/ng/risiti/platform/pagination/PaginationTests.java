package ng.risiti.platform.pagination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import org.junit.jupiter.api.Test;

class PaginationTests {

    final Pagination pagination = new Pagination(new ObjectMapper(), () -> "test-secret");

    @Test
    void pagesCarryASignedCursorToTheLastRowAndOnlyWhenMoreExist() {
        PageRequest request = pagination.request(null, "2");
        Page<String> page = pagination.page(List.of("a", "b", "c"), request, row -> Map.of("id", row));
        assertThat(page.data()).containsExactly("a", "b");
        assertThat(page.hasMore()).isTrue();
        assertThat(pagination.request(page.nextCursor(), "2").after("id")).isEqualTo("b");

        Page<String> last = pagination.page(List.of("c"), request, row -> Map.of("id", row));
        assertThat(last.hasMore()).isFalse();
        assertThat(last.nextCursor()).isNull();
    }

    @Test
    void defaultsAndLimits() {
        assertThat(pagination.request(null, null).limit()).isEqualTo(25);
        assertThat(pagination.request("", " ").first()).isTrue();
        assertThat(pagination.request(null, "100").limit()).isEqualTo(100);
        for (String bad : List.of("0", "101", "-1", "ten", "1.5")) {
            assertThatThrownBy(() -> pagination.request(null, bad)).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                assertThat(e.details().get(0).field()).isEqualTo("limit");
            });
        }
    }

    @Test
    void forgedEditedOrForeignCursorsAreRefused() {
        String cursor = pagination.encode(Map.of("id", "0195"));
        String payload = cursor.substring(0, cursor.indexOf('.'));
        String signature = cursor.substring(cursor.indexOf('.') + 1);
        String edited = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"id\":\"9999\"}".getBytes()) + "." + signature;
        String otherKey = new Pagination(new ObjectMapper(), () -> "another-secret").encode(Map.of("id", "0195"));
        for (String bad : List.of(edited, payload, payload + ".", "garbage", "a.b.c", otherKey, cursor + "x")) {
            assertThatThrownBy(() -> pagination.request(bad, null)).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.details().get(0).field()).isEqualTo("cursor"));
        }
        assertThat(pagination.request(cursor, null).after("id")).isEqualTo("0195");
    }
}
