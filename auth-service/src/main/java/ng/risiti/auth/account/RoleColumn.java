package ng.risiti.auth.account;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import ng.risiti.auth.team.Role;

/** Stores a {@link Role} by its wire name ({@code owner}), as the JWT {@code role} claim and the API show it. */
@Converter(autoApply = true)
public class RoleColumn implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.wireName();
    }

    @Override
    public Role convertToEntityAttribute(String value) {
        return value == null ? null : Role.parse(value).orElseThrow(() -> new IllegalStateException("unknown role in database: " + value));
    }
}
