package ng.risiti.testsupport;

import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Awaitility checks a condition first only after one poll interval, even one already true: 50-500 ms of idle at every
 * await of every test. Every test class starts with no poll delay instead; an await that means to wait first says
 * {@code pollDelay} itself. Registered by JUnit's extension autodetection (the parent pom turns it on). Set through the
 * test class's own class loader: a {@code @QuarkusTest} class and the Awaitility it calls live in Quarkus's class
 * loader, not in the one that loaded this extension.
 */
public class PromptFirstPoll implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> awaitility;
        try {
            awaitility = Class.forName("org.awaitility.Awaitility", true, context.getRequiredTestClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            return; // tests that never await
        }
        awaitility.getMethod("setDefaultPollDelay", Duration.class).invoke(null, Duration.ZERO);
    }
}
