package ng.risiti.webhook.endpoints.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores the status as its wire name, which the deliveries' SQL compares against. */
@Converter
public class EndpointStatusColumn implements AttributeConverter<EndpointStatus, String> {

    @Override
    public String convertToDatabaseColumn(EndpointStatus status) {
        return status == null ? null : status.wireName();
    }

    @Override
    public EndpointStatus convertToEntityAttribute(String value) {
        return value == null ? null : EndpointStatus.parse(value).orElseThrow();
    }
}
