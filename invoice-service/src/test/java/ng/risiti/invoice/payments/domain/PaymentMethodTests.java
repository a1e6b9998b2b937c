package ng.risiti.invoice.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaymentMethodTests {

    @Test
    void theWordsOfThePaymentsSectionMapToTheUblCodesDesignFixes() {
        assertThat(PaymentMethod.parse("bank_transfer").code()).isEqualTo("30");
        assertThat(PaymentMethod.parse("cash").code()).isEqualTo("10");
        assertThat(PaymentMethod.parse("card").code()).isEqualTo("48");
        assertThat(PaymentMethod.parse("cheque").code()).isEqualTo("20");
        assertThat(PaymentMethod.parse("direct_debit").code()).isEqualTo("49");
        assertThat(PaymentMethod.parse("online").code()).isEqualTo("68");
    }

    @Test
    void aCodeOrAWordNamesTheSameMethodWhateverItsCaseOrSurroundingSpace() {
        assertThat(PaymentMethod.parse("30")).isSameAs(PaymentMethod.BANK_TRANSFER);
        assertThat(PaymentMethod.parse(" Bank_Transfer ")).isSameAs(PaymentMethod.BANK_TRANSFER);
        assertThat(PaymentMethod.parse("48").word()).isEqualTo("card");
        for (PaymentMethod method : PaymentMethod.values()) {
            assertThat(PaymentMethod.parse(method.code())).isSameAs(method);
            assertThat(PaymentMethod.parse(method.word())).isSameAs(method);
            assertThat(PaymentMethod.ofCode(method.code())).isSameAs(method);
        }
    }

    @Test
    void anythingElseIsNotGuessed() {
        assertThat(PaymentMethod.parse("bank transfer")).isNull();
        assertThat(PaymentMethod.parse("030")).isNull();
        assertThat(PaymentMethod.parse("99")).isNull();
        assertThat(PaymentMethod.parse("bitcoin")).isNull();
        assertThat(PaymentMethod.parse("")).isNull();
        assertThat(PaymentMethod.choices()).startsWith("1 (other), 10 (cash), 20 (cheque), 30 (bank_transfer), 48 (card)");
    }
}
