package ng.risiti.testsupport;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;

/**
 * A real SMTP server (GreenMail, any recipient, no auth) for what the service under test mails, once per test JVM on
 * free ports; tests read what arrived over IMAP ({@link TestMailbox}). {@link #stopServer()} and {@link #startServer()}
 * take it away and bring it back on the same ports (empty), as a mail server that is down for a while would be. The
 * ports and the wanted state are system properties (strings only: other libraries copy them as strings), so every
 * class loader Quarkus uses reaches the one server; a thread of the class loader that started it does what is asked.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    static final String SMTP_PORT = "risiti.test.greenmail.smtp-port";
    static final String IMAP_PORT = "risiti.test.greenmail.imap-port";
    private static final String WANTED = "risiti.test.greenmail.wanted";
    private static final String STATE = "risiti.test.greenmail.state";

    @Override
    public Map<String, String> start() {
        synchronized (System.getProperties()) {
            if (System.getProperty(SMTP_PORT) == null) {
                // the servers bind port 0 themselves: no window in which a parallel resource takes "our" free port
                GreenMail first = server(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
                int smtp = first.getSmtp().getPort();
                int imap = first.getImap().getPort();
                if (smtp <= 0 || imap <= 0) {
                    throw new IllegalStateException("GreenMail did not report its ports: smtp " + smtp + ", imap " + imap);
                }
                AtomicReference<GreenMail> running = new AtomicReference<>(first);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> running.get().stop(), "greenmail-stopper"));
                System.setProperty(WANTED, "up");
                System.setProperty(STATE, "up");
                Thread.ofPlatform().daemon().name("greenmail-control").start(() -> control(running, smtp, imap));
                System.setProperty(IMAP_PORT, Integer.toString(imap));
                System.setProperty(SMTP_PORT, Integer.toString(smtp));
            }
            return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", System.getProperty(SMTP_PORT));
        }
    }

    @Override
    public void stop() {
        // the server lives until the JVM exits, like the database and the broker
    }

    /** The mail server goes away: connections to its port are refused. */
    public static void stopServer() {
        become("down");
    }

    /** The mail server is back, on the same ports, with empty mailboxes. */
    public static void startServer() {
        become("up");
    }

    private static void become(String state) {
        System.setProperty(WANTED, state);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10))
                .until(() -> state.equals(System.getProperty(STATE)));
    }

    private static void control(AtomicReference<GreenMail> running, int smtp, int imap) {
        while (true) {
            String wanted = System.getProperty(WANTED);
            if (!wanted.equals(System.getProperty(STATE))) {
                if (wanted.equals("down")) {
                    running.get().stop();
                } else {
                    running.set(server(new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                            new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)));
                }
                System.setProperty(STATE, wanted);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static GreenMail server(ServerSetup smtp, ServerSetup imap) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {smtp, imap})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return greenMail;
    }
}
