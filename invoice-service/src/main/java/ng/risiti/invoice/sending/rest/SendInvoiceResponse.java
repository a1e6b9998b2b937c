package ng.risiti.invoice.sending.rest;

import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.sending.domain.DeliveryChannel;
import ng.risiti.invoice.sending.domain.InvoiceDelivery;

/**
 * The API reference's answer, {@code dispatched} (the channels) and {@code message} ("Invoice sent via email."), plus
 * {@code deliveries}: each recipient the send queued, with the delivery's id and status.
 */
public record SendInvoiceResponse(List<String> dispatched, String message, List<Delivery> deliveries) {

    public record Delivery(UUID id, String channel, String recipient, String status) {
    }

    public static SendInvoiceResponse of(List<InvoiceDelivery> deliveries) {
        List<DeliveryChannel> channels = deliveries.stream().map(delivery -> delivery.channel).distinct().sorted().toList();
        String via = String.join(" and ", channels.stream().map(DeliveryChannel::label).toList());
        return new SendInvoiceResponse(channels.stream().map(DeliveryChannel::wireName).toList(), "Invoice sent via " + via + ".",
                deliveries.stream().map(d -> new Delivery(d.id, d.channel.wireName(), d.recipient, d.status.wireName())).toList());
    }
}
