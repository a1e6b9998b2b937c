package ng.risiti.customer.verifications.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import ng.risiti.platform.rest.Formats;

/** What can be verified, and the form its number must have before a provider is asked. */
public enum VerificationType {
    /** A Tax Identification Number, checked at NRS. */
    TIN(Formats.TIN, Formats.TIN_RULE),
    /** A National Identification Number (11 digits), checked with the NIN provider. */
    NIN(Pattern.compile("\\d{11}"), "must be 11 digits");

    private final Pattern form;
    private final String rule;

    VerificationType(Pattern form, String rule) {
        this.form = form;
        this.rule = rule;
    }

    public boolean wellFormed(String number) {
        return form.matcher(number).matches();
    }

    public String rule() {
        return rule;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<VerificationType> parse(String value) {
        for (VerificationType type : values()) {
            if (type.wireName().equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
