package ng.risiti.auth.team.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ng.risiti.platform.security.Scope;

/** Team roles, strongest first (owner > admin > accountant > member > readonly), and the scopes each holds. */
public enum Role {
    OWNER(Scope.ALL),
    ADMIN(Scope.ALL),
    ACCOUNTANT(List.of(Scope.INVOICES_READ, Scope.INVOICES_WRITE, Scope.CUSTOMERS_READ, Scope.CUSTOMERS_WRITE,
            Scope.PAYMENTS_WRITE, Scope.REPORTS_READ)),
    MEMBER(List.of(Scope.INVOICES_READ, Scope.INVOICES_WRITE, Scope.CUSTOMERS_READ, Scope.CUSTOMERS_WRITE)),
    READONLY(List.of(Scope.INVOICES_READ, Scope.CUSTOMERS_READ, Scope.REPORTS_READ));

    private final List<String> scopes;

    Role(List<String> scopes) {
        this.scopes = scopes;
    }

    public List<String> scopes() {
        return scopes;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Role other) {
        return ordinal() <= other.ordinal();
    }

    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.wireName().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** Stores a role by its wire name ({@code owner}), as the JWT {@code role} claim and the API show it. */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<Role, String> {

        @Override
        public String convertToDatabaseColumn(Role role) {
            return role == null ? null : role.wireName();
        }

        @Override
        public Role convertToEntityAttribute(String value) {
            return value == null ? null : parse(value).orElseThrow(() -> new IllegalStateException("unknown role in database: " + value));
        }
    }
}
