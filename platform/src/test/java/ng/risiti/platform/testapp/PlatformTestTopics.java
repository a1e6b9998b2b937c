package ng.risiti.platform.testapp;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import ng.risiti.testsupport.TestTopics;

/** Creates the test application's own topics before it starts (the broker creates no topic by itself). */
public class PlatformTestTopics implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestTopics.create(NoteEvents.TOPIC);
        TestTopics.create(NoteEvents.BATCHES_TOPIC);
        return Map.of();
    }

    @Override
    public void stop() {
        // the topic lives as long as the test broker
    }
}
