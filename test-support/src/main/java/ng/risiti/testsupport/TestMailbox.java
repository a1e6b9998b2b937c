package ng.risiti.testsupport;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/** Reads the mails {@link GreenMailResource} received for one address, over IMAP as a mail client would, attachments included. */
public final class TestMailbox {

    /** One received mail, decoded. */
    public record Mail(String subject, String from, List<String> replyTo, String messageId, String text, String html,
            List<Attachment> attachments) {

        /** The {@code token} query parameter of the first link to {@code path} in the text (an invitation, a reset). */
        public String linkToken(String path) {
            Matcher matcher = Pattern.compile(Pattern.quote(path) + "\\?token=([A-Za-z0-9_-]+)").matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("no " + path + " link in: " + text);
            }
            return matcher.group(1);
        }
    }

    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    private TestMailbox() {
    }

    /** Waits until {@code count} mails arrived for {@code address} and returns them, oldest first. */
    public static List<Mail> await(String address, int count, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> read(address), mails -> mails.size() >= count);
    }

    public static Mail awaitOne(String address) {
        return await(address, 1, Duration.ofSeconds(20)).getLast();
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
                    List<Attachment> attachments = new ArrayList<>();
                    collectAttachments(message, attachments);
                    mails.add(new Mail(message.getSubject(), message.getFrom()[0].toString(),
                            message.getReplyTo() == null ? List.of()
                                    : Arrays.stream(message.getReplyTo()).map(a -> ((InternetAddress) a).getAddress()).toList(),
                            ((MimeMessage) message).getMessageID(), part(message, "text/plain"), part(message, "text/html"), attachments));
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
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return ((String) part.getContent()).replace("\r\n", "\n");
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

    private static void collectAttachments(Part part, List<Attachment> found) throws MessagingException, IOException {
        if (part.getFileName() != null) {
            found.add(new Attachment(part.getFileName(), part.getContentType(), part.getInputStream().readAllBytes()));
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collectAttachments(multipart.getBodyPart(i), found);
            }
        }
    }
}
