package ng.risiti.testsupport;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the test broker and database ({@link RisitiTestResources}) as the test JVM's JUnit session opens, on a thread
 * of their own, so they come up while Quarkus builds the application under test instead of after it (~5 s per test
 * JVM). Only where {@code risiti.test.infra.early=true} (the parent pom's surefire sets it): a JVM whose tests need no
 * broker, like the system tests', starts nothing.
 */
public class EarlyTestInfrastructure implements LauncherSessionListener {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (Boolean.getBoolean("risiti.test.infra.early") && STARTED.compareAndSet(false, true)) {
            RisitiTestResources.startInBackground();
        }
    }
}
