package ng.risiti.invoice.documents.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ng.risiti.invoice.documents.config.NrsInvoiceConfig;
import ng.risiti.invoice.documents.domain.InvoiceDocument;
import ng.risiti.invoice.tenants.domain.KnownTenant;
import ng.risiti.invoice.documents.domain.InvoiceDocument.Address;
import ng.risiti.invoice.documents.domain.InvoiceDocument.Line;
import ng.risiti.invoice.documents.domain.InvoiceDocument.OriginalInvoice;
import ng.risiti.invoice.documents.domain.InvoiceDocument.Party;
import ng.risiti.invoice.documents.domain.InvoiceDocument.TaxSubtotal;
import ng.risiti.invoice.invoices.domain.Kobo;

/**
 * The invoice NRS validates and signs ({@code POST /api/v1/invoice/validate}, {@code /sign}), built from the
 * canonical {@link InvoiceDocument} alone, so it can never disagree with the UBL XML or the PDF. Field names and
 * nesting are NRS's MBS API's; codes go through {@link NrsCodes}. Amounts are naira numbers with two decimals,
 * straight from the document's kobo (never recomputed); optional fields the document has no value for are left out
 * rather than sent empty.
 */
public final class NrsInvoicePayload {

    /** Nigeria keeps West Africa Time all year: issue_time is the finalize time on the supplier's clock. */
    private static final ZoneId NIGERIA = ZoneId.of("Africa/Lagos");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** What a line without its own NRS classification is sent with ({@link NrsInvoiceConfig}). */
    public record LineDefaults(String hsnCode, String productCategory) {

        public LineDefaults {
            if (blank(hsnCode) || blank(productCategory)) {
                throw new IllegalArgumentException("the default hsn_code and product_category must not be blank");
            }
        }

        public static LineDefaults of(NrsInvoiceConfig config) {
            return new LineDefaults(config.defaultHsnCode(), config.defaultProductCategory());
        }

        /** The tenant's invoice defaults where it set them (settings, invoice defaults), else the configured ones. */
        public static LineDefaults of(KnownTenant tenant, NrsInvoiceConfig config) {
            return new LineDefaults(blank(tenant.defaultHsnCode) ? config.defaultHsnCode() : tenant.defaultHsnCode,
                    blank(tenant.defaultProductCategory) ? config.defaultProductCategory() : tenant.defaultProductCategory);
        }
    }

    private NrsInvoicePayload() {
    }

    /** {@code businessId} is the tenant's NRS business id (the entity's {@code business_id}, a UUID NRS issues). */
    public static ObjectNode of(InvoiceDocument doc, UUID businessId, LineDefaults defaults) {
        Objects.requireNonNull(doc.irn(), "only a finalized document, with its IRN, goes to NRS");
        ObjectNode root = NODES.objectNode();
        root.put("business_id", businessId.toString());
        root.put("irn", doc.irn());
        root.put("issue_date", doc.issueDate().toString());
        putText(root, "due_date", doc.dueDate() == null ? null : doc.dueDate().toString());
        putText(root, "issue_time", doc.finalizedAt() == null ? null : doc.finalizedAt().atZoneSameInstant(NIGERIA).format(TIME));
        root.put("invoice_type_code", NrsCodes.invoiceTypeCode(doc.type()));
        putText(root, "note", note(doc));
        String currency = NrsCodes.currency(doc.currency());
        root.put("document_currency_code", currency);
        // Every amount below is in the document currency, VAT included, so the tax currency is the same one.
        root.put("tax_currency_code", currency);
        if (doc.creditNote() && doc.original() != null && doc.original().irn() != null) {
            billingReference(root.putArray("billing_reference"), doc.original());
        }
        root.set("accounting_supplier_party", party(doc.supplier()));
        root.set("accounting_customer_party", party(doc.customer()));
        if (doc.payUrl() != null) {
            // The pay page takes a bank transfer or a card (Paystack), by the due date when there is one.
            ArrayNode means = root.putArray("payment_means");
            for (String method : new String[] {"bank_transfer", "card"}) {
                ObjectNode m = means.addObject().put("payment_means_code", NrsCodes.paymentMeansCode(method));
                putText(m, "payment_due_date", doc.dueDate() == null ? null : doc.dueDate().toString());
            }
        }
        taxTotal(root.putArray("tax_total").addObject(), doc);
        root.putObject("legal_monetary_total")
                .put("line_extension_amount", naira(doc.lineTotal()))
                // No document-level allowances or charges: the VAT base is the sum of the line nets.
                .put("tax_exclusive_amount", naira(doc.lineTotal()))
                .put("tax_inclusive_amount", naira(doc.total()))
                // Nothing is prepaid at issue: the buyer owes the whole document.
                .put("payable_amount", naira(doc.total()));
        ArrayNode lines = root.putArray("invoice_line");
        for (Line line : doc.lines()) {
            line(lines.addObject(), line, currency, defaults);
        }
        return root;
    }

    /**
     * A stored telephone in NRS's form, {@code +} and the country code then digits only; null when it cannot be one
     * (NRS refuses a malformed number, and the field is optional). A national number of a party in Nigeria
     * (0803 123 4567) gets +234 in place of its trunk 0; elsewhere only international forms are understood.
     */
    public static String telephone(String stored, String country) {
        if (stored == null) {
            return null;
        }
        String s = stored.strip().replaceAll("[\\s\\-().]", "");
        String digits;
        if (s.startsWith("+")) {
            digits = s.substring(1);
        } else if (s.startsWith("00")) {
            digits = s.substring(2); // international call prefix
        } else if (!"NG".equals(country)) {
            return null; // a national number of another country: its country code is not ours to guess
        } else if (s.startsWith("234") && s.length() >= 11) {
            digits = s;
        } else if (s.matches("0[1-9][0-9]{6,9}")) {
            digits = "234" + s.substring(1); // national format: trunk 0 + 7 to 10 digits
        } else if (s.matches("[789][01][0-9]{8}")) {
            digits = "234" + s; // a mobile number written without its trunk 0
        } else {
            return null;
        }
        if (digits.startsWith("2340")) {
            digits = "234" + digits.substring(4); // "+234 (0)803…": the trunk 0 has no place after the country code
        }
        // E.164: a country code and subscriber number, at most 15 digits; a Nigerian one is 234 + 8 to 10 digits.
        if (!digits.matches("[1-9][0-9]{7,14}") || digits.startsWith("234") && !digits.matches("234[1-9][0-9]{7,9}")) {
            return null;
        }
        return "+" + digits;
    }

    private static void line(ObjectNode node, Line line, String currency, LineDefaults defaults) {
        node.put("hsn_code", blank(line.hsnCode()) ? defaults.hsnCode() : line.hsnCode());
        node.put("product_category", blank(line.productCategory()) ? defaults.productCategory() : line.productCategory());
        if (line.discountPercent() != null && line.discountPercent().signum() > 0) {
            node.put("discount_rate", plain(line.discountPercent()));
            node.put("discount_amount", naira(line.discount()));
        }
        node.put("invoiced_quantity", plain(line.quantity()));
        // The line net: quantity × price less the line's discount, as UBL's LineExtensionAmount.
        node.put("line_extension_amount", naira(line.net()));
        // A line has one text; it is both the item's name and its description.
        node.putObject("item").put("name", line.description()).put("description", line.description());
        node.putObject("price")
                .put("price_amount", naira(line.unitPrice()))
                .put("base_quantity", BigDecimal.ONE)
                .put("price_unit", currency + " per 1");
    }

    private static void taxTotal(ObjectNode node, InvoiceDocument doc) {
        node.put("tax_amount", naira(doc.taxTotal()));
        ArrayNode subtotals = node.putArray("tax_subtotal");
        for (TaxSubtotal sub : doc.taxSubtotals()) {
            ObjectNode s = subtotals.addObject()
                    .put("taxable_amount", naira(sub.taxable()))
                    .put("tax_amount", naira(sub.tax()));
            s.putObject("tax_category")
                    .put("id", NrsCodes.taxCategory(sub.category()))
                    .put("percent", plain(sub.percent()));
        }
    }

    private static void billingReference(ArrayNode refs, OriginalInvoice original) {
        refs.addObject().put("irn", original.irn()).put("issue_date", original.issueDate().toString());
    }

    private static ObjectNode party(Party party) {
        ObjectNode node = NODES.objectNode();
        putText(node, "party_name", party.name());
        putText(node, "tin", party.tin());
        putText(node, "email", party.email());
        Address address = party.address();
        putText(node, "telephone", telephone(party.phone(), address == null ? InvoiceDocument.DEFAULT_COUNTRY : NrsCodes.country(address.country())));
        // An address is a place only with a street, city or postal zone; a bare default country is not one.
        if (address != null && !(blank(address.street()) && blank(address.city()) && blank(address.postalZone()))) {
            ObjectNode postal = node.putObject("postal_address");
            putText(postal, "street_name", address.street());
            putText(postal, "city_name", address.city());
            putText(postal, "postal_zone", address.postalZone());
            postal.put("country", NrsCodes.country(address.country()));
        }
        return node;
    }

    /** A credit note says why first; both texts when there are both. */
    private static String note(InvoiceDocument doc) {
        String joined = Stream.of(doc.creditNote() ? doc.creditReason() : null, doc.notes())
                .filter(s -> !blank(s)).map(String::strip).collect(Collectors.joining("\n"));
        return joined.isEmpty() ? null : joined;
    }

    /** Kobo → naira with exactly two decimals (a JSON number such as 376250.00). */
    static BigDecimal naira(Kobo kobo) {
        return BigDecimal.valueOf(kobo.value(), 2);
    }

    /** A quantity or percentage without trailing zeros, never in exponent form (120, 12.3456, 7.5). */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (!blank(value)) {
            node.put(field, value.strip());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
