package ng.risiti.auth.account.domain;

import java.util.Locale;

/** The {@code business_type} of a sign-up (docs/api-rules.md, Authentication); lower case on the wire and in the database. */
public enum BusinessType {
    INDIVIDUAL, SME, ENTERPRISE;

    /** The request-validation form of the allowed values. */
    public static final String PATTERN = "individual|sme|enterprise";

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BusinessType fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column implements jakarta.persistence.AttributeConverter<BusinessType, String> {
        @Override
        public String convertToDatabaseColumn(BusinessType value) {
            return value == null ? null : value.wireName();
        }

        @Override
        public BusinessType convertToEntityAttribute(String value) {
            return value == null ? null : fromWire(value);
        }
    }
}
