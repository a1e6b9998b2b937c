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

    private static final List<Map<String, Object>> INVOICE_TYPES = List.of(
            entry("380", "Commercial Invoice"),
            entry("381", "Credit Note"),
            entry("383", "Debit Note"),
            entry("384", "Corrected Invoice"),
            entry("386", "Prepayment Invoice"),
            entry("389", "Self-billed Invoice"),
            entry("396", "Factored Invoice"));

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

    private static final List<Map<String, Object>> TAX_CATEGORIES = List.of(
            Map.of("code", "STANDARD_VAT", "value", "Standard Value-Added Tax", "percent", "7.5"),
            Map.of("code", "ZERO_VAT", "value", "Zero Value-Added Tax", "percent", "0.0"),
            Map.of("code", "VAT_EXEMPTED", "value", "Exempted Value-Added Tax", "percent", "0.0"),
            Map.of("code", "LOCAL_SALES_TAX", "value", "Local Sales Tax", "percent", "Not Available"),
            Map.of("code", "STATE_SALES_TAX", "value", "State Sales Tax", "percent", "Not Available"),
            Map.of("code", "WITHHOLDING_TAX", "value", "Withholding Tax", "percent", "Not Available"));

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
    public boolean isCountry(String code) { return codes(COUNTRIES, "alpha_2").contains(code); }

    private static Set<String> codes(List<Map<String, Object>> list, String key) {
        return list.stream().map(m -> String.valueOf(m.get(key))).collect(Collectors.toUnmodifiableSet());
    }

    private static Map<String, Object> entry(String code, String value) {
        return Map.of("code", code, "value", value);
    }

    private static Map<String, Object> exemption(String tariffCode, String description, String heading) {
        return Map.of("harmonized_system_code", tariffCode, "description", description, "heading", heading,
                "tariff", "0%");
    }
}
