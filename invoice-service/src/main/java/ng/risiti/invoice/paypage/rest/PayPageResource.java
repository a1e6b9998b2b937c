package ng.risiti.invoice.paypage.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import ng.risiti.invoice.paypage.service.PayPages;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.idempotency.IgnoresIdempotencyKey;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * {@code /p/{token}/pay}: an invoice's public pay page for its customer (seed 002, Hosted payment page). No
 * authentication: the unguessable token is the access control. HTML for people, never the JSON error envelope: an
 * unknown, draft or voided invoice is a friendly 404 page.
 */
@Path("/p/{token}/pay")
@Tag(name = "Pay page")
@Produces(MediaType.TEXT_HTML)
public class PayPageResource {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

    private final PayPages pages;

    public PayPageResource(PayPages pages) {
        this.pages = pages;
    }

    @GET
    @PermitAll
    @Operation(summary = "The invoice's public pay page (HTML): business, number, lines, totals, amount due and a Pay button")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "No such page: an unknown token, a draft or a voided invoice",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Uni<Response> page(@RestPath String token) {
        return pages.find(token).map(found -> found.map(page -> html(200, PayPageHtml.invoice(page))).orElseGet(PayPageResource::notFound));
    }

    /** The Pay button: a Paystack checkout for the amount due, and the payer is sent there (303). */
    @POST
    @PermitAll
    @IgnoresIdempotencyKey("a browser form: each press opens a checkout for what is due then; only a paid one is recorded, once")
    @Operation(summary = "Pay: starts a Paystack payment for the amount due and redirects (303) to Paystack's checkout")
    @APIResponse(responseCode = "303", description = "To Paystack's checkout; back to the page when there is nothing to pay")
    @APIResponse(responseCode = "404", description = "No such page: an unknown token, a draft or a voided invoice (the 404 page)",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "503", description = "Payments are unavailable right now; nothing was charged",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Uni<Response> pay(@RestPath String token) {
        // nothing to pay: back to the page, named by the invoice's own token (the path's is whatever was sent)
        return pages.find(token).flatMap(found -> found.isEmpty() ? Uni.createFrom().item(notFound())
                        : pages.startPayment(found.get()).map(checkout -> Response.seeOther(URI.create(
                                checkout.orElse("/p/" + found.get().invoice().publicToken + "/pay"))).build()))
                .onFailure(ApiException.class).recoverWithItem(() -> html(503, PayPageHtml.unavailable()));
    }

    /** Where Paystack sends the payer back: thanks, and the invoice's state once Paystack's confirmation is in. */
    @GET
    @Path("/done")
    @PermitAll
    @Operation(summary = "Where Paystack returns the payer: a thank-you page that shows the invoice paid once Paystack confirms")
    @APIResponse(responseCode = "200", description = "The thank-you page", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "No such page", content = @Content(mediaType = MediaType.TEXT_HTML))
    public Uni<Response> done(@RestPath String token) {
        return pages.find(token).map(found -> found.map(page -> html(200, PayPageHtml.thanks(page))).orElseGet(PayPageResource::notFound));
    }

    private static Response notFound() {
        return html(404, PayPageHtml.notFound());
    }

    private static Response html(int status, String body) {
        return Response.status(status).type(HTML).header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'")
                .entity(body).build();
    }
}
