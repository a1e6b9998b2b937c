package ng.risiti.platform.events;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The write that completes an aggregate, run in one statement with its event ({@link Outbox#emitCompleting}): a
 * data-modifying statement with parameters {@code $1..$n} returning one text value, which the event's data carries in
 * {@code field}. For a write that takes a lock every writer of a tenant queues on (the invoice number counter): the
 * lock is then held for one statement and the commit.
 */
public record CompletingWrite(String sql, List<Object> parameters, String field) {

    private static final Pattern FIELD = Pattern.compile("[a-z_]+");

    public CompletingWrite {
        if (!FIELD.matcher(field).matches()) {
            throw new IllegalArgumentException("not a top-level data field: " + field);
        }
        parameters = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameters));
    }
}
