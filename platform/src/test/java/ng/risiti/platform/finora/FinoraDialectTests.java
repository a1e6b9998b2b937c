package ng.risiti.platform.finora;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import ng.risiti.platform.error.ErrorCode;
import ng.risiti.platform.error.ErrorResponse;
import ng.risiti.platform.error.FieldError;
import ng.risiti.platform.error.FinoraErrorResponse;
import org.junit.jupiter.api.Test;

class FinoraDialectTests {

    @Test
    void fieldPathsAreWrittenTheDialectsWay() {
        assertThat(FinoraDialect.fieldPath("line_items.0.unit_price")).isEqualTo("lineItems[0].unitPrice");
        assertThat(FinoraDialect.fieldPath("business_id")).isEqualTo("businessId");
        assertThat(FinoraDialect.fieldPath("email")).isEqualTo("email");
        assertThat(FinoraDialect.fieldPath(null)).isNull();
    }

    @Test
    void aValidationErrorNamesItsFirstFieldAndThatFieldsMessage() {
        FinoraErrorResponse error = FinoraErrorResponse.of(ErrorCode.VALIDATION_ERROR, "Request body validation failed.",
                List.of(new FieldError("line_items.0.unit_price", "unit_price must be between 0 and 100,000,000"),
                        new FieldError("email", "email must be a well-formed email address")), "req_1");
        assertThat(error.success()).isFalse();
        assertThat(error.error().field()).isEqualTo("lineItems[0].unitPrice");
        assertThat(error.error().message()).isEqualTo("unitPrice must be between 0 and 100,000,000");
        assertThat(error.error().requestId()).isEqualTo("req_1");
    }

    @Test
    void onlyPathsUnderV1SpeakTheDialect() {
        assertThat(FinoraErrorResponse.forPath("/v1/customers/find-or-create", ErrorCode.NOT_FOUND, "x", List.of(), "r"))
                .isInstanceOf(FinoraErrorResponse.class);
        assertThat(FinoraErrorResponse.forPath("/api/v1/customers", ErrorCode.NOT_FOUND, "x", List.of(), "r"))
                .isInstanceOf(ErrorResponse.class);
        assertThat(FinoraErrorResponse.forPath(null, ErrorCode.NOT_FOUND, "x", List.of(), "r")).isInstanceOf(ErrorResponse.class);
    }
}
