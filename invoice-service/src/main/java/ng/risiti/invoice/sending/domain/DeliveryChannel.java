package ng.risiti.invoice.sending.domain;

import java.util.Locale;

/** How an invoice reaches its customer (the API reference's {@code channels}: email and/or whatsapp). */
public enum DeliveryChannel {
    EMAIL("email"),
    WHATSAPP("WhatsApp");

    private final String label;

    DeliveryChannel(String label) {
        this.label = label;
    }

    /** The word the API takes and answers ({@code email}, {@code whatsapp}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel's name in a sentence ("Invoice sent via email and WhatsApp."). */
    public String label() {
        return label;
    }

    /** The channel a wire name stands for, or null for any other word. */
    public static DeliveryChannel fromWire(String word) {
        for (DeliveryChannel channel : values()) {
            if (channel.wireName().equals(word)) {
                return channel;
            }
        }
        return null;
    }
}
