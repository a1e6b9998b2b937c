package ng.risiti.invoice.sending.domain;

/** Where one delivery goes: an email address, or a WhatsApp number in E.164. */
public record Recipient(DeliveryChannel channel, String address) {
}
