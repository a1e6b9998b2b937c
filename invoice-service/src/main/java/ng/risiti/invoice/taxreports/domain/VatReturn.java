package ng.risiti.invoice.taxreports.domain;

import java.util.List;
import ng.risiti.invoice.invoices.domain.Kobo;

/**
 * The figures of the FIRS VAT return (docs/specification.md, Tax reports): sales net of VAT from the Revenue account,
 * of which zero-rated and exempt from the lines of the invoices and credit notes issued in the period (the rest is
 * standard-rated), output VAT charged and the part of it due (paid by customers), input VAT from expenses, and net
 * payable = output VAT due − input VAT (negative: a credit carried forward).
 */
public record VatReturn(Kobo sales, Kobo zeroRatedSales, Kobo exemptSales, Kobo outputVat, Kobo outputVatDue, Kobo inputVat) {

    public Kobo standardRatedSales() {
        return sales.minus(zeroRatedSales).minus(exemptSales);
    }

    public Kobo netPayable() {
        return outputVatDue.minus(inputVat);
    }

    /** The form's lines in order: their keys in the stored figures and the labels the PDF prints. */
    public static final List<Figure> LINES = List.of(new Figure("sales", "Total sales (net of VAT)", Kobo.ZERO),
            new Figure("standard_rated_sales", "Standard-rated sales (7.5%)", Kobo.ZERO),
            new Figure("zero_rated_sales", "Zero-rated sales", Kobo.ZERO),
            new Figure("exempt_sales", "Exempt sales", Kobo.ZERO),
            new Figure("output_vat", "Output VAT charged", Kobo.ZERO),
            new Figure("output_vat_due", "Output VAT due (on payments received)", Kobo.ZERO),
            new Figure("input_vat", "Input VAT (on expenses)", Kobo.ZERO),
            new Figure("net_payable", "Net VAT payable", Kobo.ZERO));

    /** {@link #LINES} with this return's amounts. */
    public List<Figure> figures() {
        List<Kobo> amounts = List.of(sales, standardRatedSales(), zeroRatedSales, exemptSales, outputVat, outputVatDue, inputVat, netPayable());
        return java.util.stream.IntStream.range(0, LINES.size())
                .mapToObj(i -> new Figure(LINES.get(i).key(), LINES.get(i).label(), amounts.get(i))).toList();
    }
}
