package ng.risiti.platform.persistence;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Many rows as one JSON parameter, for a statement that writes them all at once with
 * {@code json_populate_recordset(null::<table>, $1::text::json)}: the table's own column types convert the values,
 * and the statement's text is the same for any number of rows, so it stays prepared. The parameter goes as text and
 * is cast: the pg client sends a string bound to json as one JSON string. Strings, numbers, booleans and null go as
 * JSON; times as ISO 8601 with their offset; anything else (UUID, LocalDate) as its string.
 */
public final class JsonRows {

    private JsonRows() {
    }

    /** {@code rows}' values in the order of {@code columns}, the names the statement's record type has. */
    public static String of(List<String> columns, List<Object[]> rows) {
        JsonArray array = new JsonArray();
        for (Object[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("expected " + columns.size() + " values, got " + row.length);
            }
            JsonObject object = new JsonObject();
            for (int i = 0; i < row.length; i++) {
                object.put(columns.get(i), value(row[i]));
            }
            array.add(object);
        }
        return array.encode();
    }

    private static Object value(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof OffsetDateTime time) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
        }
        return value.toString();
    }
}
