package ng.risiti.platform.testapp;

/** Where notes' events go: a topic of the test application's own (created by {@code PlatformTestTopics}). */
public final class NoteEvents {

    public static final String TOPIC = "platform-test.notes.v1";
    /** Consumers only accept types the platform knows, so notes travel as customer events. */
    public static final String CREATED = "customer.created";
    public static final String GROUP = "platform-tests.notes";
    /** What the bulk consumer reads ({@link NoteBatchConsumer}). */
    public static final String BATCHES_TOPIC = "platform-test.note-batches.v1";
    public static final String BATCHES_GROUP = "platform-tests.note-batches";

    private NoteEvents() {
    }
}
