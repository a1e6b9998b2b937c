package ng.risiti.nrs.sandbox.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import ng.risiti.nrs.sandbox.Irn;
import ng.risiti.nrs.sandbox.NrsException;

/** The checks NRS applies to an invoice document before validating or signing it (a realistic subset). */
@ApplicationScoped
public class InvoiceValidator {

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
        requireDate(doc, "issue_date", true, errors);
        requireDate(doc, "due_date", false, errors);
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
        party(doc.get("accounting_supplier_party"), "accounting_supplier_party", true, errors);
        party(doc.get("accounting_customer_party"), "accounting_customer_party", false, errors);
        JsonNode means = doc.get("payment_means");
        if (means != null && means.isArray()) {
            for (int i = 0; i < means.size(); i++) {
                String code = text(means.get(i), "payment_means_code");
                if (code == null || !codeLists.isPaymentMeans(code)) {
                    errors.add("payment_means[" + i + "].payment_means_code: unknown code " + code);
                }
            }
        }
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
                JsonNode line = lines.get(i);
                String p = "invoice_line[" + i + "].";
                requireAmount(line, "invoiced_quantity", p + "invoiced_quantity", errors);
                requireAmount(line, "line_extension_amount", p + "line_extension_amount", errors);
                if (text(line.path("item"), "name") == null) {
                    errors.add(p + "item.name: is required");
                }
                requireAmount(line.path("price"), "price_amount", p + "price.price_amount", errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new NrsException(400, handler, "invoice validation failed", String.join("; ", errors));
        }
        return irn;
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
        requireText(party, "tin", name + ".tin", errors);
        requireText(party, "email", name + ".email", errors);
        String phone = text(party, "telephone");
        if (phone != null && !phone.startsWith("+")) {
            errors.add(name + ".telephone: must start with + and the country code");
        }
        String country = text(party.path("postal_address"), "country");
        if (country != null && !codeLists.isCountry(country)) {
            errors.add(name + ".postal_address.country: unknown country " + country);
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

    private static void requireDate(JsonNode node, String field, boolean required, List<String> errors) {
        String v = text(node, field);
        if (v == null) {
            if (required) {
                errors.add(field + ": is required");
            }
            return;
        }
        try {
            LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(field + ": must be a date YYYY-MM-DD");
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
