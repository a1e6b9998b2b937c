package ng.risiti.invoice.invoices.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import ng.risiti.platform.rest.Naira;

/** An amount of naira in kobo (1/100). All money inside Risiti is this: exact integers, never floating point. */
public record Kobo(long value) implements Comparable<Kobo> {

    public static final Kobo ZERO = new Kobo(0);

    public static Kobo of(long value) {
        return new Kobo(value);
    }

    /** Naira with at most two decimals; more precision than a kobo is refused rather than silently rounded. */
    public static Kobo fromNaira(BigDecimal naira) {
        return new Kobo(naira.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
    }

    /** Rounds half-up to the kobo: the one rounding rule for lines, tax and discounts. */
    public static Kobo roundHalfUp(BigDecimal kobo) {
        return new Kobo(kobo.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    public Kobo plus(Kobo other) {
        return new Kobo(Math.addExact(value, other.value));
    }

    public Kobo minus(Kobo other) {
        return new Kobo(Math.subtractExact(value, other.value));
    }

    public BigDecimal asKoboDecimal() {
        return BigDecimal.valueOf(value);
    }

    /** The API's money string: naira with two decimals, e.g. {@code "376250.00"}. */
    public String toNairaString() {
        return Naira.fromKobo(value);
    }

    @Override
    public int compareTo(Kobo other) {
        return Long.compare(value, other.value);
    }
}
