package ng.risiti.invoice.invoices.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link Kobo} as BIGINT. */
@Converter(autoApply = true)
public class KoboConverter implements AttributeConverter<Kobo, Long> {

    @Override
    public Long convertToDatabaseColumn(Kobo kobo) {
        return kobo == null ? null : kobo.value();
    }

    @Override
    public Kobo convertToEntityAttribute(Long value) {
        return value == null ? null : Kobo.of(value);
    }
}
