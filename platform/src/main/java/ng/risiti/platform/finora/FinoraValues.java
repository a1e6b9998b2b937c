package ng.risiti.platform.finora;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Values as the Finora dialect writes them: naira as plain numbers beside the kobo integers that are the source of
 * truth ({@code 537500}, {@code 537500.5}), and times as UTC with milliseconds ({@code 2026-04-10T09:15:00.000Z}; a
 * date is its midnight).
 */
public final class FinoraValues {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    private FinoraValues() {
    }

    /** Kobo as a naira number with no trailing zeros and never in exponent form. */
    public static BigDecimal naira(long kobo) {
        return number(BigDecimal.valueOf(kobo, 2));
    }

    /** A number as the dialect writes it: no trailing zeros ({@code 7.5}, {@code 2}), never in exponent form; null stays null. */
    public static BigDecimal number(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public static String time(OffsetDateTime at) {
        return at == null ? null : INSTANT.format(at.withOffsetSameInstant(ZoneOffset.UTC));
    }

    public static String day(LocalDate day) {
        return day == null ? null : INSTANT.format(day.atStartOfDay().atOffset(ZoneOffset.UTC));
    }
}
