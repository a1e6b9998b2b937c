package ng.risiti.webhook;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.awaitility.Awaitility;

/**
 * A real SMTP server (GreenMail, any recipient, no auth) once per test JVM on free ports, for the notices the service
 * mails; tests read them over IMAP as a mail client would. The ports travel as system properties, so the test's and
 * the service's class loaders reach the same server.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    static final String SMTP_PORT = "risiti.test.greenmail.smtp-port";
    static final String IMAP_PORT = "risiti.test.greenmail.imap-port";

    /** One received mail: subject and plain text. */
    public record Mail(String subject, String from, String text) {
    }

    @Override
    public Map<String, String> start() {
        synchronized (System.getProperties()) {
            if (System.getProperty(SMTP_PORT) == null) {
                GreenMail server = new GreenMail(new ServerSetup[] {
                        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()})
                        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "greenmail-stopper"));
                System.setProperty(IMAP_PORT, Integer.toString(server.getImap().getPort()));
                System.setProperty(SMTP_PORT, Integer.toString(server.getSmtp().getPort()));
            }
            return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", System.getProperty(SMTP_PORT));
        }
    }

    @Override
    public void stop() {
        // the server lives until the JVM exits, like the database and the broker
    }

    /** Waits for the first mail to {@code address}. */
    public static Mail awaitOne(String address) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> read(address), mails -> !mails.isEmpty()).getFirst();
    }

    public static List<Mail> read(String address) throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", System.getProperty(IMAP_PORT));
        Store store = Session.getInstance(props).getStore("imap");
        store.connect(address, address);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Mail> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                mails.add(new Mail(message.getSubject(), message.getFrom()[0].toString(), message.getContent().toString()));
            }
            inbox.close(false);
            return mails;
        } finally {
            store.close();
        }
    }
}
