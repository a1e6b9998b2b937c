package ng.risiti.auth.dataexport.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.format.DateTimeFormatter;
import ng.risiti.auth.dataexport.domain.DataExport;

/** Tells whoever asked that the export is ready, with its download link (valid until the export expires). */
@ApplicationScoped
public class DataExportMailer {

    private final ReactiveMailer mailer;
    private final DownloadLinks links;

    public DataExportMailer(ReactiveMailer mailer, DownloadLinks links) {
        this.mailer = mailer;
        this.links = links;
    }

    public Uni<Void> ready(DataExport export, String email) {
        String link = links.url(export);
        String expires = DateTimeFormatter.RFC_1123_DATE_TIME.format(export.expiresAt);
        String text = """
                The data export you requested is ready: everything Risiti holds about your business, in one ZIP archive.

                Download it here (no sign-in needed; keep the link private):
                %s

                The link works until %s; after that the archive is deleted and you can request a new export.
                SHA-256 of the archive: %s
                """.formatted(link, expires, export.sha256);
        String html = """
                <p>The data export you requested is ready: everything Risiti holds about your business, in one ZIP archive.</p>
                <p><a href="%s">Download the archive</a> (no sign-in needed; keep the link private)</p>
                <p>The link works until %s; after that the archive is deleted and you can request a new export.</p>
                """.formatted(link.replace("&", "&amp;"), expires);
        return mailer.send(Mail.withText(email, "Your Risiti data export is ready", text).setHtml(html));
    }
}
