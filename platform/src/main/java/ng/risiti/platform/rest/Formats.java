package ng.risiti.platform.rest;

import java.util.regex.Pattern;

/**
 * Formats of identifiers more than one service accepts, as regular expressions (constants, so bean validation's
 * {@code @Pattern} can name them) and as compiled patterns (for {@link PatchBody}).
 */
public final class Formats {

    /** A Nigerian TIN as NRS writes it: 8 digits, a hyphen, 4 digits (12345678-0001). */
    public static final String TIN_REGEX = "\\d{8}-\\d{4}";
    public static final String TIN_RULE = "must be a TIN such as 12345678-0001";
    /** A phone number with its country code, E.164 digits with an optional +. */
    public static final String PHONE_REGEX = "\\+?[0-9]{7,15}";
    public static final String PHONE_RULE = "must be a phone number with country code, e.g. +2348012345678";
    public static final String CURRENCY_REGEX = "[A-Z]{3}";
    public static final String CURRENCY_RULE = "must be an ISO 4217 code such as NGN";
    public static final String COUNTRY_REGEX = "[A-Z]{2}";
    public static final String COUNTRY_RULE = "must be an ISO 3166 country code such as NG";

    public static final Pattern TIN = Pattern.compile(TIN_REGEX);
    public static final Pattern PHONE = Pattern.compile(PHONE_REGEX);
    public static final Pattern CURRENCY = Pattern.compile(CURRENCY_REGEX);
    public static final Pattern COUNTRY = Pattern.compile(COUNTRY_REGEX);

    private Formats() {
    }
}
