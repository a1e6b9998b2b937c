package ng.risiti.platform.pagination;

import java.util.Map;

/**
 * A validated page request: {@code limit} rows after the position a cursor named ({@code after} is empty for the
 * first page). Repositories fetch {@link #fetchSize()} rows so {@link Pagination#page} can tell if more exist.
 */
public record PageRequest(int limit, Map<String, String> after) {

    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;

    public boolean first() {
        return after.isEmpty();
    }

    public int fetchSize() {
        return limit + 1;
    }

    public String after(String key) {
        return after.get(key);
    }
}
