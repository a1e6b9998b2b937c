package ng.risiti.invoice.payments.domain;

import java.util.Locale;

/**
 * How a payment was made, as a UBL 2.1 payment means code (UNCL4461, what we store and what UBL and NRS documents
 * carry) and as the word the API reference's Payments section uses. The mapping is explicit: an unknown code or word
 * is refused, never guessed (docs/specification.md, Payments).
 */
public enum PaymentMethod {
    OTHER("1", "other"),
    CASH("10", "cash"),
    CHEQUE("20", "cheque"),
    BANK_TRANSFER("30", "bank_transfer"),
    CARD("48", "card"),
    DIRECT_DEBIT("49", "direct_debit"),
    /** An online payment service (Paystack and the like). */
    ONLINE("68", "online");

    private final String code;
    private final String word;

    PaymentMethod(String code, String word) {
        this.code = code;
        this.word = word;
    }

    public String code() {
        return code;
    }

    public String word() {
        return word;
    }

    /** The method a code ({@code "30"}) or a word ({@code "bank_transfer"}) names, or null for anything else. */
    public static PaymentMethod parse(String value) {
        if (value == null) {
            return null;
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (PaymentMethod method : values()) {
            if (method.code.equals(wanted) || method.word.equals(wanted)) {
                return method;
            }
        }
        return null;
    }

    public static PaymentMethod ofCode(String code) {
        for (PaymentMethod method : values()) {
            if (method.code.equals(code)) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown payment means code " + code);
    }

    /** The choices, for messages that refuse a value: {@code 30 (bank_transfer), 10 (cash), ...}. */
    public static String choices() {
        StringBuilder choices = new StringBuilder();
        for (PaymentMethod method : values()) {
            choices.append(choices.isEmpty() ? "" : ", ").append(method.code).append(" (").append(method.word).append(')');
        }
        return choices.toString();
    }
}
