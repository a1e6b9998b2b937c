package ng.risiti.platform.pagination;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;

/**
 * The list shape (docs/api-rules.md, Pagination): {@code data}, {@code next_cursor} (null on the last page) and
 * {@code has_more}, repeated in {@code meta} with the {@code total} of matching rows where the list counts them.
 */
public record Page<T>(List<T> data, String nextCursor, boolean hasMore, Meta meta) {

    /** {@code total} is left out of lists that do not count (a count is a second query). */
    public record Meta(boolean hasMore, String nextCursor, @JsonInclude(JsonInclude.Include.NON_NULL) Long total) {
    }

    public Page(List<T> data, String nextCursor, boolean hasMore) {
        this(data, nextCursor, hasMore, new Meta(hasMore, nextCursor, null));
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(data.stream().<R>map(mapper).toList(), nextCursor, hasMore, meta);
    }

    public Page<T> withTotal(long total) {
        return new Page<>(data, nextCursor, hasMore, new Meta(hasMore, nextCursor, total));
    }
}
