package ng.risiti.nrs.sandbox.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Small static excerpts of NRS's code lists: enough for realistic validation in dev and tests. The
 * nrs-gateway-service fetches the real lists from NRS; nothing should treat these as complete.
 */
@ApplicationScoped
public class CodeLists {

    // NRS's own list, as GET /api/v1/invoice/resources/invoice-types answers: it is not UNCL1001. 380 is a credit
    // note and 381 a commercial invoice (the reverse of UNCL1001), and the 396 of NRS's Postman examples is an
    // "Invoice Request". Transcribed from public integrations that captured the endpoint's answer (one cites
    // einvoice.firs.gov.ng/docs/resources/get-invoice-type?version=1.1); 20 codes, as NRS's sandbox reports.
    private static final List<Map<String, Object>> INVOICE_TYPES = List.of(
            entry("380", "Credit Note"),
            entry("381", "Commercial Invoice"),
            entry("384", "Debit Note"),
            entry("385", "Self Billed Invoice"),
            entry("386", "Factored Invoice"),
            entry("388", "Statement of Account"),
            entry("389", "Purchase Order"),
            entry("390", "Proforma Invoice"),
            entry("392", "Consignment Invoice"),
            entry("393", "Self-billed Credit Note"),
            entry("394", "Self-billed Invoice"),
            entry("395", "Credit Note Request"),
            entry("396", "Invoice Request"),
            entry("397", "Final Settlement"),
            entry("399", "Bill of Lading"),
            entry("400", "Waybill"),
            entry("402", "Shipping Instructions"),
            entry("404", "Certificate of Origin"),
            entry("406", "Customs Declaration"),
            entry("408", "Packing List"));

    private static final List<Map<String, Object>> CURRENCIES = List.of(
            Map.of("code", "NGN", "name", "Nigerian Naira", "symbol", "₦", "symbol_native", "₦", "decimal_digits", 2),
            Map.of("code", "USD", "name", "US Dollar", "symbol", "$", "symbol_native", "$", "decimal_digits", 2),
            Map.of("code", "EUR", "name", "Euro", "symbol", "€", "symbol_native", "€", "decimal_digits", 2),
            Map.of("code", "GBP", "name", "British Pound Sterling", "symbol", "£", "symbol_native", "£", "decimal_digits", 2),
            Map.of("code", "GHS", "name", "Ghanaian Cedi", "symbol", "GH₵", "symbol_native", "GH₵", "decimal_digits", 2),
            Map.of("code", "XOF", "name", "CFA Franc BCEAO", "symbol", "CFA", "symbol_native", "CFA", "decimal_digits", 0));

    private static final List<Map<String, Object>> PAYMENT_MEANS = List.of(
            entry("10", "In cash"),
            entry("20", "Cheque"),
            entry("30", "Credit transfer"),
            entry("42", "Payment to bank account"),
            entry("43", "Bank card"),
            entry("48", "Bank card"),
            entry("49", "Direct debit"),
            entry("68", "Online payment service"));

    // NRS's tax categories (GET .../resources/tax-categories): VAT is STANDARD_VAT, REDUCED_VAT or ZERO_VAT, and an
    // exempt supply is EXEMPTED ("Tax Exemption"); there is no VAT_EXEMPTED. The others are listed for completeness.
    private static final List<Map<String, Object>> TAX_CATEGORIES = List.of(
            taxCategory("STANDARD_GST", "Standard Goods and Services Tax", "Not Available"),
            taxCategory("REDUCED_GST", "Reduced Goods and Services Tax", "Not Available"),
            taxCategory("ZERO_GST", "Zero Goods and Services Tax", "Not Available"),
            taxCategory("STANDARD_VAT", "Standard Value-Added Tax", "7.5"),
            taxCategory("REDUCED_VAT", "Reduced Value-Added Tax", "7.5"),
            taxCategory("ZERO_VAT", "Zero Value-Added Tax", "0.0"),
            taxCategory("STATE_SALES_TAX", "State Sales Tax", "Not Available"),
            taxCategory("LOCAL_SALES_TAX", "Local Sales Tax", "Not Available"),
            taxCategory("ALCOHOL_EXCISE_TAX", "Alcohol Excise Tax", "Not Available"),
            taxCategory("TOBACCO_EXCISE_TAX", "Tobacco Excise Tax", "Not Available"),
            taxCategory("FUEL_EXCISE_TAX", "Fuel Excise Tax", ""),
            taxCategory("CORPORATE_INCOME_TAX", "Corporate Income Tax", "Not Available"),
            taxCategory("PERSONAL_INCOME_TAX", "Personal Income Tax", "Not Available"),
            taxCategory("SOCIAL_SECURITY_TAX", "Social Security Tax", "Not Available"),
            taxCategory("MEDICARE_TAX", "Medicare Tax", ""),
            taxCategory("REAL_ESTATE_TAX", "Real Estate Tax", "Not Available"),
            taxCategory("PERSONAL_PROPERTY_TAX", "Personal Property Tax", "Not Available"),
            taxCategory("CARBON_TAX", "Carbon Tax", "Not Available"),
            taxCategory("PLASTIC_TAX", "Plastic Tax", "Not Available"),
            taxCategory("IMPORT_DUTY", "Import Duty", "Not Available"),
            taxCategory("EXPORT_DUTY", "Export Duty", "Not Available"),
            taxCategory("LUXURY_TAX", "Luxury Tax", "Not Available"),
            taxCategory("SERVICE_TAX", "Service Tax", "Not Available"),
            taxCategory("TOURISM_TAX", "Tourism Tax", "Not Available"),
            taxCategory("WITHHOLDING_TAX", "Withholding Tax", "Not Available"),
            taxCategory("STAMP_DUTY", "Stamp Duty", "Not Available"),
            taxCategory("EXEMPTED", "Tax Exemption", "0.0"));

    private static final List<Map<String, Object>> VAT_EXEMPTIONS = List.of(
            exemption("0101.21.00", "Pure-bred breeding horses", "Live animals"),
            exemption("1001.11.00", "Durum wheat seed", "Basic food items"),
            exemption("3004.90.99", "Medicaments for therapeutic use", "Medical and pharmaceutical products"),
            exemption("4901.99.00", "Printed books, brochures and leaflets", "Books and educational materials"),
            exemption("8703.80.00", "Electrically powered motor vehicles", "Clean energy vehicles"));

    private static final List<Map<String, Object>> COUNTRIES = List.of(
            Map.of("alpha_2", "NG", "alpha_3", "NGA", "name", "Nigeria"),
            Map.of("alpha_2", "GH", "alpha_3", "GHA", "name", "Ghana"),
            Map.of("alpha_2", "GB", "alpha_3", "GBR", "name", "United Kingdom"),
            Map.of("alpha_2", "US", "alpha_3", "USA", "name", "United States"));

    private static final List<Map<String, Object>> SERVICE_CODES = List.of(
            entry("S001", "Professional services"),
            entry("S002", "Software and IT services"),
            entry("S003", "Transport and logistics"));

    public List<Map<String, Object>> invoiceTypes() { return INVOICE_TYPES; }
    public List<Map<String, Object>> currencies() { return CURRENCIES; }
    public List<Map<String, Object>> paymentMeans() { return PAYMENT_MEANS; }
    public List<Map<String, Object>> taxCategories() { return TAX_CATEGORIES; }
    public List<Map<String, Object>> vatExemptions() { return VAT_EXEMPTIONS; }
    public List<Map<String, Object>> countries() { return COUNTRIES; }
    public List<Map<String, Object>> serviceCodes() { return SERVICE_CODES; }

    public boolean isInvoiceType(String code) { return codes(INVOICE_TYPES, "code").contains(code); }
    public boolean isCurrency(String code) { return codes(CURRENCIES, "code").contains(code); }
    public boolean isPaymentMeans(String code) { return codes(PAYMENT_MEANS, "code").contains(code); }
    public boolean isTaxCategory(String code) { return codes(TAX_CATEGORIES, "code").contains(code); }
    public boolean isCountry(String code) { return codes(COUNTRIES, "alpha_2").contains(code); }

    private static Set<String> codes(List<Map<String, Object>> list, String key) {
        return list.stream().map(m -> String.valueOf(m.get(key))).collect(Collectors.toUnmodifiableSet());
    }

    private static Map<String, Object> entry(String code, String value) {
        return Map.of("code", code, "value", value);
    }

    private static Map<String, Object> taxCategory(String code, String value, String percent) {
        return Map.of("code", code, "value", value, "percent", percent);
    }

    private static Map<String, Object> exemption(String tariffCode, String description, String heading) {
        return Map.of("harmonized_system_code", tariffCode, "description", description, "heading", heading,
                "tariff", "0%");
    }
}
