package ng.risiti.invoice.invoices.domain;

import java.math.BigDecimal;

/**
 * The priced form of one line: net = quantity × unit price less discount, and VAT on the net, each rounded
 * half-up to the kobo on its own. Invoice totals are sums of these, so they always reconcile line by line.
 */
public record LinePrice(Kobo net, Kobo tax, Kobo total) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static LinePrice of(BigDecimal quantity, Kobo unitPrice, BigDecimal discountPercent, BigDecimal taxPercent) {
        BigDecimal gross = quantity.multiply(unitPrice.asKoboDecimal());
        BigDecimal discount = gross.multiply(discountPercent).divide(HUNDRED);
        Kobo net = Kobo.roundHalfUp(gross.subtract(discount));
        Kobo tax = Kobo.roundHalfUp(net.asKoboDecimal().multiply(taxPercent).divide(HUNDRED));
        return new LinePrice(net, tax, net.plus(tax));
    }
}
