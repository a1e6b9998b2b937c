package ng.risiti.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FieldPathsTests {

    record Line(@NotBlank String description, @Positive int unitPrice) {
    }

    record Body(@NotNull UUID customerId, @NotNull List<@Valid Line> lineItems) {
    }

    @Test
    void violationsUseTheSeedsSnakeCaseDottedPaths() {
        try (var factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();
            var violations = validator.validate(new Body(null, List.of(new Line("ok", 1), new Line(" ", 0))));
            assertThat(violations.stream().map(FieldPaths::of))
                    .containsExactlyInAnyOrder("customer_id", "line_items.1.description", "line_items.1.unit_price");
        }
    }

    @Test
    void messagesNameTheFieldOrTheWholePathOfAListItem() {
        assertThat(FieldPaths.leaf("line_items.0.unit_price")).isEqualTo("unit_price");
        assertThat(FieldPaths.leaf("scopes.1")).isEqualTo("scopes.1");
        assertThat(FieldPaths.leaf("email")).isEqualTo("email");
    }

    @Test
    void expectedTypesInWords() {
        assertThat(FieldPaths.expected(java.math.BigDecimal.class)).isEqualTo("a number");
        assertThat(FieldPaths.expected(LocalDate.class)).isEqualTo("a valid ISO date (YYYY-MM-DD)");
        assertThat(FieldPaths.expected(UUID.class)).isEqualTo("a valid UUID");
        assertThat(FieldPaths.expected(List.class)).isEqualTo("an array");
        assertThat(FieldPaths.snake("invoiceNumber")).isEqualTo("invoice_number");
    }
}
