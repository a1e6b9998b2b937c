package ng.risiti.auth;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the mails GreenMail received for one address, over IMAP as a mail client would. */
public final class TestMailbox {

    /** One received mail, decoded. */
    public record Mail(String subject, String from, String text, String html) {

        private static final Pattern INVITATION = Pattern.compile("/accept-invitation\\?token=([A-Za-z0-9_-]+)");
        private static final Pattern RESET = Pattern.compile("http://localhost:8080/reset-password\\?token=([A-Za-z0-9_-]{43})");

        /** The invitation token in the mail's link. */
        public String invitationToken() {
            return token(INVITATION, "invitation");
        }

        /** The password-reset token in the mail's link. */
        public String resetToken() {
            return token(RESET, "password reset");
        }

        private String token(Pattern link, String what) {
            Matcher matcher = link.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("no " + what + " link in: " + text);
            }
            return matcher.group(1);
        }
    }

    private TestMailbox() {
    }

    /** Waits until {@code count} mails arrived for {@code address} and returns them, oldest first. */
    public static List<Mail> await(String address, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Mail> mails = read(address);
            if (mails.size() >= count) {
                return mails;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " mail(s) for " + address + " within " + timeout + ", got " + mails.size());
            }
            sleep();
        }
    }

    public static Mail awaitOne(String address) {
        return await(address, 1, Duration.ofSeconds(10)).getLast();
    }

    public static List<Mail> read(String address) {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", System.getProperty(GreenMailResource.IMAP_PORT));
        try {
            Store store = Session.getInstance(props).getStore("imap");
            store.connect(address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<Mail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    mails.add(new Mail(message.getSubject(), message.getFrom()[0].toString(), part(message, "text/plain"), part(message, "text/html")));
                }
                inbox.close(false);
                return mails;
            } finally {
                store.close();
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read the mailbox of " + address, e);
        }
    }

    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
