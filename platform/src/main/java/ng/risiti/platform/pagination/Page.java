package ng.risiti.platform.pagination;

import java.util.List;
import java.util.function.Function;

/** The list shape (docs/api-rules.md, Pagination): {@code data}, {@code next_cursor} (null on the last page) and {@code has_more}. */
public record Page<T>(List<T> data, String nextCursor, boolean hasMore) {

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(data.stream().<R>map(mapper).toList(), nextCursor, hasMore);
    }
}
