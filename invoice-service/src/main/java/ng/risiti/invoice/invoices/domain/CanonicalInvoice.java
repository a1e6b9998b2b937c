package ng.risiti.invoice.invoices.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bytes an invoice signature covers: its legal content (parties, dates, lines, amounts in kobo, IRN) as JSON
 * with sorted keys and no whitespace, so anyone can rebuild and verify them from the invoice.
 */
public final class CanonicalInvoice {

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private CanonicalInvoice() {
    }

    public static byte[] of(Invoice invoice, Irn irn) {
        Map<String, Object> doc = new TreeMap<>();
        doc.put("irn", irn.value());
        doc.put("invoice_number", invoice.invoiceNumber);
        doc.put("tenant_id", invoice.tenantId.toString());
        doc.put("customer", Map.of("id", invoice.customerId.toString(), "name", String.valueOf(invoice.customerName),
                "tin", String.valueOf(invoice.customerTin)));
        doc.put("currency", invoice.currency);
        doc.put("issue_date", invoice.issueDate.toString());
        doc.put("due_date", invoice.dueDate.toString());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (InvoiceLine line : invoice.lines) {
            Map<String, Object> item = new TreeMap<>();
            item.put("description", line.description);
            item.put("quantity", line.quantity.stripTrailingZeros().toPlainString());
            item.put("unit_price_kobo", line.unitPrice.value());
            item.put("discount_percent", line.discountPercent.stripTrailingZeros().toPlainString());
            item.put("tax_percent", line.taxPercent.stripTrailingZeros().toPlainString());
            item.put("net_kobo", line.net.value());
            item.put("tax_kobo", line.tax.value());
            item.put("total_kobo", line.total.value());
            lines.add(item);
        }
        doc.put("lines", lines);
        doc.put("subtotal_kobo", invoice.subtotal.value());
        doc.put("tax_total_kobo", invoice.taxTotal.value());
        doc.put("total_kobo", invoice.total.value());
        if (invoice.whtPercent != null) {
            // only invoices with WHT carry it, so the bytes of every invoice signed before WHT was shown are unchanged
            doc.put("wht_percent", invoice.whtPercent.stripTrailingZeros().toPlainString());
            doc.put("wht_kobo", invoice.wht.value());
        }
        if (invoice.type == InvoiceType.CREDIT_NOTE) {
            // only credit notes carry these, so the bytes of every invoice signed before credit notes existed are unchanged
            doc.put("type", invoice.type.wireName());
            doc.put("original_invoice_id", invoice.originalInvoiceId.toString());
            doc.put("credit_reason", invoice.creditReason);
        }
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
