package ng.risiti.nrs.sandbox.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import ng.risiti.nrs.sandbox.Irn;
import ng.risiti.nrs.sandbox.NrsException;

/**
 * The checks NRS applies to an invoice document before validating or signing it (a realistic subset). Field names,
 * nesting and what is optional follow NRS's MBS Postman collection; what it marks optional stays optional here, and
 * sums are not cross-checked (NRS's own published example does not add up, so NRS cannot be checking them).
 */
@ApplicationScoped
public class InvoiceValidator {

    /** "must start with + (meaning country code)": then only digits, at most 15 of them (E.164). */
    private static final Pattern TELEPHONE = Pattern.compile("\\+[0-9]{7,15}");

    private final CodeLists codeLists;

    public InvoiceValidator(CodeLists codeLists) {
        this.codeLists = codeLists;
    }

    /** Returns the parsed IRN, or throws a 400 listing every problem found. */
    public Irn validate(JsonNode doc, String handler) {
        if (doc == null || !doc.isObject()) {
            throw new NrsException(400, handler, "invalid request body", "expected a JSON object");
        }
        List<String> errors = new ArrayList<>();
        requireText(doc, "business_id", errors);
        Irn irn = Irn.parse(text(doc, "irn")).orElse(null);
        if (irn == null) {
            errors.add("irn: must be {InvoiceNumber}-{ServiceID}-{YYYYMMDD} (alphanumeric invoice number, 8-character service id, valid date)");
        }
        requireDate(doc, "issue_date", "issue_date", true, errors);
        requireDate(doc, "due_date", "due_date", false, errors);
        requireDate(doc, "tax_point_date", "tax_point_date", false, errors);
        String time = text(doc, "issue_time");
        if (time != null && !time.matches("\\d{2}:\\d{2}:\\d{2}")) {
            errors.add("issue_time: must be a time HH:MM:SS");
        } else if (time != null) {
            try {
                LocalTime.parse(time);
            } catch (DateTimeParseException e) {
                errors.add("issue_time: must be a time HH:MM:SS");
            }
        }
        String type = text(doc, "invoice_type_code");
        if (type == null) {
            errors.add("invoice_type_code: is required");
        } else if (!codeLists.isInvoiceType(type)) {
            errors.add("invoice_type_code: unknown code " + type);
        }
        String currency = text(doc, "document_currency_code");
        if (currency == null) {
            errors.add("document_currency_code: is required");
        } else if (!codeLists.isCurrency(currency)) {
            errors.add("document_currency_code: unknown currency " + currency);
        }
        String taxCurrency = text(doc, "tax_currency_code");
        if (taxCurrency != null && !codeLists.isCurrency(taxCurrency)) {
            errors.add("tax_currency_code: unknown currency " + taxCurrency);
        }
        documentReferences(doc.get("billing_reference"), "billing_reference", errors);
        party(doc.get("accounting_supplier_party"), "accounting_supplier_party", true, errors);
        party(doc.get("accounting_customer_party"), "accounting_customer_party", false, errors);
        JsonNode means = doc.get("payment_means");
        if (means != null && means.isArray()) {
            for (int i = 0; i < means.size(); i++) {
                String code = text(means.get(i), "payment_means_code");
                if (code == null || !codeLists.isPaymentMeans(code)) {
                    errors.add("payment_means[" + i + "].payment_means_code: unknown code " + code);
                }
                requireDate(means.get(i), "payment_due_date", "payment_means[" + i + "].payment_due_date", false, errors);
            }
        }
        taxTotals(doc.get("tax_total"), errors);
        JsonNode totals = doc.get("legal_monetary_total");
        if (totals == null || !totals.isObject()) {
            errors.add("legal_monetary_total: is required");
        } else {
            for (String f : List.of("line_extension_amount", "tax_exclusive_amount", "tax_inclusive_amount", "payable_amount")) {
                requireAmount(totals, f, "legal_monetary_total." + f, errors);
            }
        }
        JsonNode lines = doc.get("invoice_line");
        if (lines == null || !lines.isArray() || lines.isEmpty()) {
            errors.add("invoice_line: at least one line is required");
        } else {
            for (int i = 0; i < lines.size(); i++) {
                line(lines.get(i), "invoice_line[" + i + "].", errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new NrsException(400, handler, "invoice validation failed", String.join("; ", errors));
        }
        return irn;
    }

    private void line(JsonNode line, String p, List<String> errors) {
        // Every line carries its classification: the collection marks optional fields "//optional" and these two
        // carry no such mark.
        requireText(line, "hsn_code", p + "hsn_code", errors);
        requireText(line, "product_category", p + "product_category", errors);
        requireAmount(line, "invoiced_quantity", p + "invoiced_quantity", errors);
        requireAmount(line, "line_extension_amount", p + "line_extension_amount", errors);
        for (String optional : List.of("discount_rate", "discount_amount", "fee_rate", "fee_amount")) {
            if (line.has(optional)) {
                requireAmount(line, optional, p + optional, errors);
            }
        }
        if (text(line.path("item"), "name") == null) {
            errors.add(p + "item.name: is required");
        }
        requireAmount(line.path("price"), "price_amount", p + "price.price_amount", errors);
        if (line.path("price").has("base_quantity")) {
            requireAmount(line.path("price"), "base_quantity", p + "price.base_quantity", errors);
        }
    }

    private void taxTotals(JsonNode taxTotal, List<String> errors) {
        // Marked optional in the collection, but integrators working against NRS found it mandatory even when no tax
        // is due; a document without VAT still sends one, with a zero-rated or exempt subtotal.
        if (taxTotal == null || !taxTotal.isArray() || taxTotal.isEmpty()) {
            errors.add("tax_total: at least one tax total is required");
            return;
        }
        for (int i = 0; i < taxTotal.size(); i++) {
            JsonNode total = taxTotal.get(i);
            String p = "tax_total[" + i + "].";
            requireAmount(total, "tax_amount", p + "tax_amount", errors);
            JsonNode subtotals = total.get("tax_subtotal");
            if (subtotals == null || !subtotals.isArray() || subtotals.isEmpty()) {
                errors.add(p + "tax_subtotal: at least one subtotal is required");
                continue;
            }
            for (int j = 0; j < subtotals.size(); j++) {
                JsonNode sub = subtotals.get(j);
                String q = p + "tax_subtotal[" + j + "].";
                requireAmount(sub, "taxable_amount", q + "taxable_amount", errors);
                requireAmount(sub, "tax_amount", q + "tax_amount", errors);
                String category = text(sub.path("tax_category"), "id");
                if (category == null) {
                    errors.add(q + "tax_category.id: is required");
                } else if (!codeLists.isTaxCategory(category)) {
                    errors.add(q + "tax_category.id: unknown tax category " + category);
                }
                requireAmount(sub.path("tax_category"), "percent", q + "tax_category.percent", errors);
            }
        }
    }

    private static void documentReferences(JsonNode refs, String name, List<String> errors) {
        if (refs == null || refs.isNull()) {
            return;
        }
        if (!refs.isArray()) {
            errors.add(name + ": must be a list of {irn, issue_date}");
            return;
        }
        for (int i = 0; i < refs.size(); i++) {
            String p = name + "[" + i + "].";
            if (Irn.parse(text(refs.get(i), "irn")).isEmpty()) {
                errors.add(p + "irn: must be the IRN of a document NRS has signed");
            }
            requireDate(refs.get(i), "issue_date", p + "issue_date", true, errors);
        }
    }

    private void party(JsonNode party, String name, boolean required, List<String> errors) {
        if (party == null || party.isNull()) {
            if (required) {
                errors.add(name + ": is required");
            }
            return;
        }
        if (text(party, "id") != null) {
            return; // a party registered with NRS beforehand may be referenced by id alone
        }
        requireText(party, "party_name", name + ".party_name", errors);
        if (required) {
            // The supplier is always a registered taxpayer; a buyer may be a consumer (B2C) with no TIN.
            requireText(party, "tin", name + ".tin", errors);
        }
        requireText(party, "email", name + ".email", errors);
        String phone = text(party, "telephone");
        if (phone != null && !TELEPHONE.matcher(phone).matches()) {
            errors.add(name + ".telephone: must be + and the country code, then digits only");
        }
        JsonNode address = party.get("postal_address");
        if (address != null && !address.isNull()) {
            String country = text(address, "country");
            if (country == null) {
                errors.add(name + ".postal_address.country: is required");
            } else if (!codeLists.isCountry(country)) {
                errors.add(name + ".postal_address.country: unknown country " + country);
            }
        }
    }

    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static void requireText(JsonNode node, String field, List<String> errors) {
        requireText(node, field, field, errors);
    }

    private static void requireText(JsonNode node, String field, String label, List<String> errors) {
        if (text(node, field) == null) {
            errors.add(label + ": is required");
        }
    }

    private static void requireDate(JsonNode node, String field, String label, boolean required, List<String> errors) {
        String v = text(node, field);
        if (v == null) {
            if (required) {
                errors.add(label + ": is required");
            }
            return;
        }
        try {
            LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(label + ": must be a date YYYY-MM-DD");
        }
    }

    private static void requireAmount(JsonNode node, String field, String label, List<String> errors) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            errors.add(label + ": is required");
        } else if (!v.isNumber() && !v.asText().matches("-?\\d+(\\.\\d+)?")) {
            errors.add(label + ": must be a number");
        }
    }
}
