package ng.risiti.invoice.sending.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import ng.risiti.invoice.sending.domain.DeliveryChannel;
import ng.risiti.platform.error.ApiException;

/** {@code POST /api/v1/invoices/{id}/send}: {@code channels} (email and/or whatsapp), and a note for the email body. */
public record SendInvoiceRequest(
        @NotNull @Size(min = 1, message = "must name at least one channel: email and/or whatsapp") List<String> channels,
        @Size(max = 1000) String message) {

    /** The channels asked for, each once; 400 naming {@code channels} for any other word. */
    public Set<DeliveryChannel> toChannels() {
        Set<DeliveryChannel> asked = EnumSet.noneOf(DeliveryChannel.class);
        for (String word : channels) {
            DeliveryChannel channel = word == null ? null : DeliveryChannel.fromWire(word.strip());
            if (channel == null) {
                throw ApiException.validation("channels", "each channel must be email or whatsapp; got " + (word == null ? "null" : "'" + word + "'"));
            }
            asked.add(channel);
        }
        return asked;
    }

    /** The note, or null when there is none to show. */
    public String note() {
        return message == null || message.isBlank() ? null : message.strip();
    }
}
