package ng.risiti.invoice.creditnotes.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.InvoiceLine;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.invoices.domain.LinePrice;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.request.UuidV7;

/**
 * The lines of a credit note against an invoice, priced by the same rules as every invoice line, so a credit note's
 * VAT is exactly what its lines' VAT categories make it and the books can reverse it category by category.
 */
public final class CreditLines {

    private CreditLines() {
    }

    /** Every line of the invoice, in full. */
    public static List<InvoiceLine> all(Invoice original) {
        return original.lines.stream().map(line -> copy(line, line.description, line.quantity, line.unitPrice, line.discountPercent)).toList();
    }

    /** The invoice's lines named by id, each with the quantity asked for; the caller has checked ids and quantities. */
    public static List<InvoiceLine> of(Invoice original, Map<UUID, BigDecimal> quantities) {
        List<InvoiceLine> lines = new ArrayList<>();
        for (InvoiceLine line : original.lines) {
            BigDecimal quantity = quantities.get(line.id);
            if (quantity != null) {
                lines.add(copy(line, line.description, quantity, line.unitPrice, line.discountPercent));
            }
        }
        return lines;
    }

    /**
     * Lines whose total (VAT included) is exactly {@code amount}, spread over the invoice's tax rates in proportion
     * to what each contributed to its total (largest remainder, so the parts add up to the kobo). Within a rate, one
     * line whose net plus its rounded VAT makes the part; where rounding skips that total (a step of 2 kobo), a
     * second line of a few kobo at the same rate makes up the difference. A kobo no line at a rate can make (at 100%
     * VAT every total is even) moves to the next rate; 422 if none can take it.
     */
    public static List<InvoiceLine> ofAmount(Invoice original, Kobo amount, String description) {
        Map<UUID, Kobo> totals = new LinkedHashMap<>();
        Map<UUID, InvoiceLine> sample = new LinkedHashMap<>();
        // highest rate first: a kobo a rate cannot make is carried to the next, and the lowest rates can make any total
        List<InvoiceLine> byRate = new ArrayList<>(original.lines);
        byRate.sort(Comparator.comparing((InvoiceLine line) -> line.taxPercent).reversed());
        for (InvoiceLine line : byRate) {
            totals.merge(line.taxRateId, line.total, Kobo::plus);
            sample.putIfAbsent(line.taxRateId, line);
        }
        List<InvoiceLine> lines = new ArrayList<>();
        long carried = 0;
        for (Map.Entry<UUID, Kobo> part : apportion(amount, totals).entrySet()) {
            long target = part.getValue().value() + carried;
            List<InvoiceLine> made = linesTotalling(sample.get(part.getKey()), target, description);
            carried = 0;
            if (made == null) {
                made = linesTotalling(sample.get(part.getKey()), target - 1, description);
                carried = 1;
            }
            lines.addAll(made);
        }
        if (carried > 0) {
            throw ApiException.unprocessable("An amount of " + original.currency + " " + amount.toNairaString()
                    + " cannot be credited exactly at this invoice's VAT rates; credit one kobo more or less.");
        }
        return lines;
    }

    static Map<UUID, Kobo> apportion(Kobo amount, Map<UUID, Kobo> weights) {
        BigInteger whole = BigInteger.valueOf(weights.values().stream().mapToLong(Kobo::value).sum());
        Map<UUID, Kobo> parts = new LinkedHashMap<>();
        Map<UUID, BigInteger> remainders = new LinkedHashMap<>();
        long given = 0;
        for (Map.Entry<UUID, Kobo> weight : weights.entrySet()) {
            BigInteger[] share = BigInteger.valueOf(amount.value()).multiply(BigInteger.valueOf(weight.getValue().value())).divideAndRemainder(whole);
            parts.put(weight.getKey(), Kobo.of(share[0].longValueExact()));
            remainders.put(weight.getKey(), share[1]);
            given += share[0].longValueExact();
        }
        List<UUID> byRemainder = new ArrayList<>(remainders.keySet());
        byRemainder.sort(Comparator.comparing(remainders::get).reversed());
        for (int i = 0; given < amount.value(); i++, given++) {
            UUID id = byRemainder.get(i % byRemainder.size());
            parts.put(id, parts.get(id).plus(Kobo.of(1)));
        }
        return parts;
    }

    /** Lines at this rate totalling exactly {@code target} kobo, or null if whole kobo cannot make it. */
    private static List<InvoiceLine> linesTotalling(InvoiceLine rate, long target, String description) {
        if (target <= 0) {
            return target == 0 ? List.of() : null;
        }
        InvoiceLine single = lineTotalling(rate, target, description);
        if (single != null) {
            return List.of(single);
        }
        for (long small = 1; small <= 3; small++) {
            long smallTotal = price(rate, small).total().value();
            InvoiceLine main = lineTotalling(rate, target - smallTotal, description);
            if (main != null) {
                return List.of(main, copy(rate, "Rounding adjustment", BigDecimal.ONE, Kobo.of(small), BigDecimal.ZERO));
            }
        }
        return null;
    }

    /** The one line at this rate whose total is exactly {@code total} kobo, or null if rounding skips it. */
    private static InvoiceLine lineTotalling(InvoiceLine rate, long total, String description) {
        if (total <= 0) {
            return null;
        }
        BigDecimal factor = BigDecimal.valueOf(100).add(rate.taxPercent);
        long estimate = BigDecimal.valueOf(total).multiply(BigDecimal.valueOf(100)).divide(factor, 0, RoundingMode.HALF_UP).longValueExact();
        for (long net = Math.max(0, estimate - 2); net <= estimate + 2; net++) {
            if (price(rate, net).total().value() == total) {
                return copy(rate, description, BigDecimal.ONE, Kobo.of(net), BigDecimal.ZERO);
            }
        }
        return null;
    }

    private static LinePrice price(InvoiceLine rate, long net) {
        return LinePrice.of(BigDecimal.ONE, Kobo.of(net), BigDecimal.ZERO, rate.taxPercent);
    }

    private static InvoiceLine copy(InvoiceLine from, String description, BigDecimal quantity, Kobo unitPrice, BigDecimal discountPercent) {
        InvoiceLine line = new InvoiceLine();
        line.id = UuidV7.next();
        line.description = description;
        line.quantity = quantity;
        line.unitPrice = unitPrice;
        line.discountPercent = discountPercent;
        line.taxRateId = from.taxRateId;
        line.taxPercent = from.taxPercent;
        line.vatCategory = from.vatCategory;
        line.hsnCode = from.hsnCode;
        line.productCategory = from.productCategory;
        return line;
    }
}
