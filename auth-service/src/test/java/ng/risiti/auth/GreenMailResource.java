package ng.risiti.auth;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real SMTP server (GreenMail, any recipient, no auth) for the service's mail, once per test JVM on free ports.
 * Tests read what arrived over IMAP ({@link TestMailbox}), which works whichever class loader Quarkus loads this
 * class in; the ports are published as system properties so later class loaders reuse the running server.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    static final String SMTP_PORT = "risiti.test.greenmail.smtp-port";
    static final String IMAP_PORT = "risiti.test.greenmail.imap-port";
    private static final String LOCK = "risiti.test.greenmail.lock";

    @Override
    public Map<String, String> start() {
        synchronized (LOCK) {
            if (System.getProperty(SMTP_PORT) == null) {
                // the servers bind port 0 themselves: no window in which a parallel resource takes "our" free port
                GreenMail greenMail = new GreenMail(new ServerSetup[] {
                        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()})
                        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
                greenMail.start();
                int smtp = greenMail.getSmtp().getPort();
                int imap = greenMail.getImap().getPort();
                if (smtp <= 0 || imap <= 0) {
                    throw new IllegalStateException("GreenMail did not report its ports: smtp " + smtp + ", imap " + imap);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "greenmail-stopper"));
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
}
