package ng.risiti.nrs.sandbox.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import ng.risiti.nrs.sandbox.NrsException;
import org.junit.jupiter.api.Test;

class BusinessRegistryTests {

    static final String KNOWN = "6f19a0f0-c8f3-4d2b-8a8b-1b2c45e89d0f";

    @Test
    void withKnownBusinessesConfiguredAnyOtherIsNotFoundAsNrsAnswers() {
        BusinessRegistry strict = new BusinessRegistry(Optional.of(List.of(KNOWN.toUpperCase())));
        assertThatCode(() -> strict.require(KNOWN, "invoice_validate")).doesNotThrowAnyException();
        assertThatThrownBy(() -> strict.require("11111111-2222-3333-4444-555555555555", "invoice_sign"))
                .isInstanceOfSatisfying(NrsException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(404);
                    org.assertj.core.api.Assertions.assertThat(e.handler()).isEqualTo("invoice_sign");
                    org.assertj.core.api.Assertions.assertThat(e.getMessage()).isEqualTo("business not found");
                });
    }

    @Test
    void unconfiguredEveryBusinessIsKnownSoAFreshCiRunNeedsNoSetup() {
        assertThatCode(() -> new BusinessRegistry(Optional.empty()).require("11111111-2222-3333-4444-555555555555", "invoice_validate"))
                .doesNotThrowAnyException();
    }
}
