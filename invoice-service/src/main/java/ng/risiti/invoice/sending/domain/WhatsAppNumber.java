package ng.risiti.invoice.sending.domain;

import java.util.Optional;

/**
 * A customer's phone as WhatsApp addresses it: E.164, country code first. Customers are Nigerian businesses, so a
 * number in Nigeria's national format (0803 123 4567) is read as +234 803 123 4567; any other number must carry its
 * country code (+44..., 0044..., or 234... as WhatsApp itself writes them).
 */
public final class WhatsAppNumber {

    private WhatsAppNumber() {
    }

    /** The number as {@code +<digits>}, or empty when it cannot be one WhatsApp reaches. */
    public static Optional<String> of(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        String trimmed = phone.strip();
        if (!trimmed.matches("\\+?[0-9 ().-]+")) {
            return Optional.empty();
        }
        String digits = trimmed.replaceAll("[^0-9]", "");
        String international;
        if (trimmed.startsWith("+")) {
            international = digits;
        } else if (digits.startsWith("00")) {
            international = digits.substring(2);
        } else if (digits.startsWith("0") && digits.length() == 11) {
            international = "234" + digits.substring(1);
        } else if (digits.startsWith("234")) {
            international = digits;
        } else {
            return Optional.empty();
        }
        // E.164: at most 15 digits; the shortest numbering plans give 8 with the country code
        if (international.length() < 8 || international.length() > 15 || international.startsWith("0")) {
            return Optional.empty();
        }
        return Optional.of("+" + international);
    }
}
