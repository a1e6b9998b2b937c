package ng.risiti.invoice.sending.service;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The one call of Meta's WhatsApp Cloud API we make: send a message from the business number
 * ({@code POST /{version}/{phone-number-id}/messages}, bearer token). Built per world by {@link WhatsAppSender}.
 */
@Path("/{version}/{phoneNumberId}/messages")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface WhatsAppCloudApi {

    @POST
    Uni<SentMessage> send(@PathParam("version") String version, @PathParam("phoneNumberId") String phoneNumberId,
            @HeaderParam("Authorization") String authorization, TemplateMessage message);

    /**
     * A template message ({@code type: template}): business-initiated messages must use a template Meta approved.
     * {@code bizOpaqueCallbackData} comes back on the message's status webhooks: we put the delivery's id there.
     */
    @RegisterForReflection
    record TemplateMessage(String messagingProduct, String recipientType, String to, String type, Template template,
            String bizOpaqueCallbackData) {
    }

    @RegisterForReflection
    record Template(String name, Language language, List<Component> components) {
    }

    @RegisterForReflection
    record Language(String code, String policy) {
    }

    @RegisterForReflection
    record Component(String type, List<Parameter> parameters) {
    }

    @RegisterForReflection
    record Parameter(String type, String text) {
    }

    /** What Meta answers: the WhatsApp ids of the recipients and of the accepted message ({@code messages[0].id}, a wamid). */
    @RegisterForReflection
    record SentMessage(String messagingProduct, List<Contact> contacts, List<Message> messages) {
    }

    @RegisterForReflection
    record Contact(String input, String waId) {
    }

    @RegisterForReflection
    record Message(String id, String messageStatus) {
    }
}
