package ng.risiti.nrs.sandbox.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ng.risiti.nrs.sandbox.NrsException;

/** NRS's search paging ({@code size}, {@code page} from 1): the sandbox answers {@code items} and {@code page} info. */
final class Pages {

    private Pages() {
    }

    static Map<String, Object> of(List<?> all, int page, int size) {
        if (page < 1 || size < 1 || size > 100) {
            throw new NrsException(400, "search", "invalid paging", "page >= 1 and 1 <= size <= 100");
        }
        int from = Math.min(all.size(), (page - 1) * size);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("items", all.subList(from, Math.min(all.size(), from + size)));
        result.put("page", page);
        result.put("size", size);
        result.put("total", all.size());
        return result;
    }
}
