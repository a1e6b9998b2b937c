package ng.risiti.invoice.payments.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link PaymentMethod} as its UBL payment means code. */
@Converter(autoApply = true)
public class PaymentMethodConverter implements AttributeConverter<PaymentMethod, String> {

    @Override
    public String convertToDatabaseColumn(PaymentMethod method) {
        return method == null ? null : method.code();
    }

    @Override
    public PaymentMethod convertToEntityAttribute(String code) {
        return code == null ? null : PaymentMethod.ofCode(code);
    }
}
