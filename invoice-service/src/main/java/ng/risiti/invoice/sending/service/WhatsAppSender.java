package ng.risiti.invoice.sending.service;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import ng.risiti.invoice.sending.config.WhatsAppConfig;
import ng.risiti.invoice.sending.domain.ClaimedDelivery;
import ng.risiti.invoice.sending.domain.InvoiceNotice;
import ng.risiti.invoice.sending.service.WhatsAppCloudApi.Component;
import ng.risiti.invoice.sending.service.WhatsAppCloudApi.Language;
import ng.risiti.invoice.sending.service.WhatsAppCloudApi.Parameter;
import ng.risiti.invoice.sending.service.WhatsAppCloudApi.Template;
import ng.risiti.invoice.sending.service.WhatsAppCloudApi.TemplateMessage;

/**
 * Sends an invoice's WhatsApp template message: business name, invoice number, amount due and the invoice's public
 * link as the body's four parameters. The custom message is for email only: a template's parameters cannot carry
 * free text with line breaks, and only an approved template may start a conversation.
 */
@ApplicationScoped
public class WhatsAppSender {

    private final WhatsAppConfig config;
    private final WhatsAppCloudApi live;
    private final WhatsAppCloudApi test;

    public WhatsAppSender(WhatsAppConfig config) {
        this.config = config;
        this.live = client(config.url());
        this.test = config.testUrl().map(this::client).orElse(live);
    }

    /** Hands the message to WhatsApp; the wamid it accepted it under (null if it named none). */
    public Uni<String> send(ClaimedDelivery delivery, InvoiceNotice notice) {
        TemplateMessage message = new TemplateMessage("whatsapp", "individual", delivery.recipient().substring(1), "template",
                new Template(config.template(), new Language(config.language(), "deterministic"), List.of(new Component("body", List.of(
                        text(notice.businessName()), text(notice.invoiceNumber()), text(notice.amountDueText()), text(notice.viewUrl()))))),
                delivery.id().toString());
        return (delivery.testMode() ? test : live).send(config.apiVersion(), config.phoneNumberId(), "Bearer " + config.token(), message)
                // a 2xx is an acceptance even without an id: trying again could send the message twice
                .map(sent -> sent == null || sent.messages() == null || sent.messages().isEmpty() ? null : sent.messages().getFirst().id());
    }

    /** Template parameters may not hold line breaks, tabs or runs of spaces (WhatsApp refuses the message). */
    private static Parameter text(String value) {
        return new Parameter("text", value == null ? "" : value.replaceAll("\\s+", " ").strip());
    }

    private WhatsAppCloudApi client(String url) {
        return QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(url))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(WhatsAppCloudApi.class);
    }
}
