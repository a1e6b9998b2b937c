package ng.risiti.invoice.invoices.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import ng.risiti.invoice.invoices.domain.InvoiceLine;
import ng.risiti.invoice.taxes.domain.TaxRate;
import ng.risiti.platform.request.UuidV7;

/** A draft's lines as a create or a PATCH asks for them, each with the rate that prices it; the invoice prices them. */
final class DraftLines {

    private DraftLines() {
    }

    /** {@code rates} in line order, as {@code TaxRateService.ofLines} answers them. */
    static List<InvoiceLine> of(List<NewInvoice.Line> items, List<TaxRate> rates) {
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            NewInvoice.Line item = items.get(i);
            TaxRate rate = rates.get(i);
            InvoiceLine line = new InvoiceLine();
            line.id = UuidV7.next();
            line.description = item.description().trim();
            line.quantity = item.quantity();
            line.unitPrice = item.unitPrice();
            line.discountPercent = item.discountPercent() == null ? BigDecimal.ZERO : item.discountPercent();
            line.taxRateId = rate.id;
            line.taxPercent = rate.percent;
            line.vatCategory = rate.vatCategory != null ? rate.vatCategory : "S";
            line.hsnCode = item.hsnCode();
            line.productCategory = item.productCategory();
            lines.add(line);
        }
        return lines;
    }
}
