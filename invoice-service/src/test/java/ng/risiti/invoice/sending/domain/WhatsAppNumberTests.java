package ng.risiti.invoice.sending.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WhatsAppNumberTests {

    @Test
    void nigerianNumbersInNationalFormatGetTheCountryCode() {
        assertThat(WhatsAppNumber.of("08031234567")).contains("+2348031234567");
        assertThat(WhatsAppNumber.of("0803 123 4567")).contains("+2348031234567");
        assertThat(WhatsAppNumber.of("(0803) 123-4567")).contains("+2348031234567");
    }

    @Test
    void internationalNumbersKeepTheirCountryCodeHoweverItIsWritten() {
        assertThat(WhatsAppNumber.of("+234 803 123 4567")).contains("+2348031234567");
        assertThat(WhatsAppNumber.of("2348031234567")).contains("+2348031234567");
        assertThat(WhatsAppNumber.of("00447911123456")).contains("+447911123456");
        assertThat(WhatsAppNumber.of("+44 7911 123456")).contains("+447911123456");
    }

    @Test
    void whatCannotBeAWhatsAppNumberIsRefused() {
        assertThat(WhatsAppNumber.of(null)).isEmpty();
        assertThat(WhatsAppNumber.of("12345")).isEmpty();
        assertThat(WhatsAppNumber.of("8031234567")).as("no country code and not national format").isEmpty();
        assertThat(WhatsAppNumber.of("+12")).isEmpty();
        assertThat(WhatsAppNumber.of("+1234567890123456")).as("over 15 digits").isEmpty();
        assertThat(WhatsAppNumber.of("0803-CALL-NOW")).isEmpty();
        assertThat(WhatsAppNumber.of("+0803123456")).isEmpty();
    }
}
