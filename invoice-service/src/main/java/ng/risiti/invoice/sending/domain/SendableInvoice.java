package ng.risiti.invoice.sending.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.InvoiceStatus;
import ng.risiti.invoice.invoices.domain.InvoiceType;
import ng.risiti.platform.error.ApiException;

/**
 * Which invoices may be sent, to whom, and what sending does to them (docs/specification.md, Sending). An invoice
 * is sent once it is finalized and for as long as it is owed or paid; a draft has no document yet, a cancelled
 * invoice is owed nothing, and an invoice NRS refused waits for a successful submission.
 */
public final class SendableInvoice {

    private static final Set<InvoiceStatus> SENDABLE = EnumSet.of(InvoiceStatus.FINALIZED, InvoiceStatus.SENT, InvoiceStatus.PARTIAL,
            InvoiceStatus.PAID);

    private SendableInvoice() {
    }

    /**
     * The customer's email as the invoice snapshotted it and each of {@code contactEmails} (once each, ignoring case),
     * and the customer's phone; 422 for an invoice that cannot be sent, or a channel its customer cannot be reached on.
     */
    public static List<Recipient> recipients(Invoice invoice, Set<DeliveryChannel> channels, List<String> contactEmails) {
        if (invoice.type != InvoiceType.INVOICE) {
            throw ApiException.unprocessable("A credit note cannot be sent; send the invoice it credits.");
        }
        if (!SENDABLE.contains(invoice.status)) {
            throw ApiException.unprocessable("Invoice is " + invoice.status.wireName()
                    + "; only a finalized, sent, partially paid or paid invoice can be sent.");
        }
        List<Recipient> recipients = new ArrayList<>();
        if (channels.contains(DeliveryChannel.EMAIL)) {
            if (invoice.customerEmail == null || invoice.customerEmail.isBlank()) {
                throw ApiException.unprocessable("Invoice " + invoice.invoiceNumber + "'s customer has no email address; it cannot be sent by email.");
            }
            Set<String> addresses = new LinkedHashSet<>();
            addresses.add(invoice.customerEmail.strip().toLowerCase(Locale.ROOT));
            contactEmails.forEach(email -> addresses.add(email.strip().toLowerCase(Locale.ROOT)));
            addresses.forEach(address -> recipients.add(new Recipient(DeliveryChannel.EMAIL, address)));
        }
        if (channels.contains(DeliveryChannel.WHATSAPP)) {
            if (invoice.customerPhone == null || invoice.customerPhone.isBlank()) {
                throw ApiException.unprocessable("Invoice " + invoice.invoiceNumber + "'s customer has no phone number; it cannot be sent by WhatsApp.");
            }
            String number = WhatsAppNumber.of(invoice.customerPhone).orElseThrow(() -> ApiException.unprocessable("Invoice "
                    + invoice.invoiceNumber + "'s customer phone '" + invoice.customerPhone
                    + "' is not a number WhatsApp can reach; give the customer a phone with its country code (+234...)."));
            recipients.add(new Recipient(DeliveryChannel.WHATSAPP, number));
        }
        return recipients;
    }

    /** A finalized invoice becomes sent; one already sent, part paid or paid keeps its status. */
    public static void markSent(Invoice invoice, OffsetDateTime at) {
        if (invoice.status == InvoiceStatus.FINALIZED) {
            invoice.status = invoice.status.moveTo(InvoiceStatus.SENT);
            invoice.updatedAt = at;
        }
    }
}
