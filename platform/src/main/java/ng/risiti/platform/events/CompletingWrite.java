package ng.risiti.platform.events;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The write that completes an aggregate, run in one statement with its event ({@link Outbox#emitCompleting}): a
 * data-modifying statement with parameters {@code $1..$n} returning at most one row, whose columns named in
 * {@code eventFields} the event's data carries under the same names (they overwrite the data's own). A write that
 * returns no row wrote nothing it completes: no event is written either. For a write that takes a lock every writer of
 * a tenant queues on (the invoice number counter): the lock is then held for one statement and the commit.
 *
 * @param companions more of the aggregate's writes for the same statement, as top-level common table expressions
 *                   after the write, which they may read as {@code completed} ({@code lines as (insert ... select ...
 *                   from completed ...)}, comma-separated, numbered in the same {@code $1..$n}); empty for none. The
 *                   aggregate's row and its children then go in one statement, which needs no transaction of its own
 */
public record CompletingWrite(String sql, List<Object> parameters, List<String> eventFields, String companions) {

    private static final Pattern FIELD = Pattern.compile("[a-z_]+");

    public CompletingWrite {
        if (eventFields.isEmpty() || !eventFields.stream().allMatch(field -> FIELD.matcher(field).matches())) {
            throw new IllegalArgumentException("not top-level data fields: " + eventFields);
        }
        parameters = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameters));
        eventFields = List.copyOf(eventFields);
        companions = companions == null ? "" : companions.strip();
    }
}
