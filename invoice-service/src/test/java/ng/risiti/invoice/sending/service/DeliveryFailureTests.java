package ng.risiti.invoice.sending.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.ext.mail.SMTPException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryFailureTests {

    @Test
    void aProviderThatIsAwayOrOverloadedIsTriedAgain() {
        assertThat(DeliveryFailure.of(new ConnectException("Connection refused")).permanent()).isFalse();
        assertThat(DeliveryFailure.of(new ProcessingException(new ConnectException("Connection refused"))).permanent()).isFalse();
        assertThat(DeliveryFailure.of(http(503)).permanent()).isFalse();
        assertThat(DeliveryFailure.of(http(429)).permanent()).isFalse();
        assertThat(DeliveryFailure.of(smtp(421, "4.3.2 Service shutting down")).permanent()).isFalse();
    }

    @Test
    void credentialsAnOperatorCanFixAreTriedAgain() {
        assertThat(DeliveryFailure.of(http(401)).permanent()).isFalse();
        assertThat(DeliveryFailure.of(smtp(535, "5.7.8 Authentication credentials invalid")).permanent()).isFalse();
    }

    @Test
    void aRecipientTheProviderRefusesFailsForGoodWithItsReason() {
        DeliveryFailure refused = DeliveryFailure.of(http(400));
        assertThat(refused.permanent()).isTrue();
        assertThat(refused.getMessage()).isEqualTo("HTTP 400: {\"error\":{\"code\":131009}}");
        DeliveryFailure unknownMailbox = DeliveryFailure.of(new RuntimeException(smtp(550, "5.1.1 No such user")));
        assertThat(unknownMailbox.permanent()).isTrue();
        assertThat(unknownMailbox.getMessage()).isEqualTo("SMTP 550: 5.1.1 No such user");
    }

    @Test
    void aLongErrorIsCutToWhatTheDeliveryKeeps() {
        assertThat(new DeliveryFailure("x".repeat(5_000), false).getMessage()).hasSize(1000);
    }

    private static WebApplicationException http(int status) {
        return new WebApplicationException(Response.status(status).entity("{\"error\":{\"code\":131009}}").build());
    }

    private static SMTPException smtp(int code, String message) {
        return new SMTPException("SMTP error", code, List.of(message), false);
    }
}
