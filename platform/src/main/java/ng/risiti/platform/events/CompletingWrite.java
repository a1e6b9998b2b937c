package ng.risiti.platform.events;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The write that completes an aggregate, run in one statement with its event ({@link Outbox#emitCompleting}): a
 * data-modifying statement with parameters {@code $1..$n} returning one text value, which the event's data carries in
 * {@code field}. For a write that takes a lock every writer of a tenant queues on (the invoice number counter): the
 * lock is then held for one statement and the commit.
 *
 * @param companions more of the aggregate's writes for the same statement, as top-level common table expressions
 *                   ({@code lines as (insert ...)}, comma-separated, numbered in the same {@code $1..$n}); empty for none.
 *                   The aggregate's row and its children then go in one statement, which needs no transaction of its own
 */
public record CompletingWrite(String sql, List<Object> parameters, String field, String companions) {

    private static final Pattern FIELD = Pattern.compile("[a-z_]+");

    public CompletingWrite {
        if (!FIELD.matcher(field).matches()) {
            throw new IllegalArgumentException("not a top-level data field: " + field);
        }
        parameters = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameters));
        companions = companions == null ? "" : companions.strip();
    }
}
