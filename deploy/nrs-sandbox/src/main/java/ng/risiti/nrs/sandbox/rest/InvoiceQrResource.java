package ng.risiti.nrs.sandbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import ng.risiti.nrs.sandbox.NrsException;
import ng.risiti.nrs.sandbox.service.InvoiceLedger;
import ng.risiti.nrs.sandbox.service.QrCodeReader;
import ng.risiti.nrs.sandbox.service.QrCodeReader.Decoded;

/**
 * Checks an invoice's QR code the way NRS's MBS 360 app does when a buyer scans it: decrypts it with the private key
 * behind the taxpayer's crypto keys and reads back the IRN, its timestamp and the certificate. NRS exposes this check
 * only through its app; the sandbox offers it as an endpoint so clients can test the QR codes they print.
 */
@Path("/api/v1/invoice/qr")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceQrResource {

    private final QrCodeReader reader;
    private final InvoiceLedger ledger;

    public InvoiceQrResource(QrCodeReader reader, InvoiceLedger ledger) {
        this.reader = reader;
        this.ledger = ledger;
    }

    /** {@code {"qr_code":"<the QR code's content>"}}. */
    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response validate(JsonNode body) {
        JsonNode qr = body == null ? null : body.get("qr_code");
        if (qr == null || !qr.isTextual() || qr.asText().isBlank()) {
            throw new NrsException(400, "qr_validate", "invalid request body", "qr_code is required: the QR code's content");
        }
        Decoded decoded = reader.read(qr.asText());
        if (!decoded.certificate().equals(reader.certificate())) {
            throw new NrsException(400, "qr_validate", "certificate mismatch",
                    "the QR code carries a certificate other than the one in the sandbox's crypto_keys.txt");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ok", true);
        data.put("irn", decoded.irn().value());
        data.put("timestamp", decoded.timestamp());
        data.put("stamped_at", Instant.ofEpochSecond(decoded.timestamp()).toString());
        data.put("certificate", decoded.certificate());
        // Whether the sandbox signed this IRN: a QR code for an invoice NRS never saw is well-formed but suspect.
        data.put("signed", ledger.find(decoded.irn().value()).isPresent());
        return NrsEnvelope.ok(data);
    }
}
