package ng.risiti.nrs.sandbox.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import ng.risiti.nrs.sandbox.Irn;
import ng.risiti.nrs.sandbox.NrsException;
import ng.risiti.nrs.sandbox.SignedInvoice;
import ng.risiti.nrs.sandbox.SignedInvoice.PaymentStatus;

/** The sandbox's memory of signed invoices, keyed by IRN. Lost on restart, by design. */
@ApplicationScoped
public class InvoiceLedger {

    private final ConcurrentMap<String, SignedInvoice> byIrn = new ConcurrentHashMap<>();

    public SignedInvoice sign(Irn irn, String businessId, JsonNode document) {
        var fresh = new SignedInvoice(irn, businessId, document, Instant.now(), PaymentStatus.PENDING, null,
                false, false, Instant.now());
        var existing = byIrn.putIfAbsent(irn.value(), fresh);
        if (existing != null) {
            // NRS refuses a second signature for an IRN; clients must confirm before retrying.
            throw new NrsException(409, "invoice_sign", "invoice with this IRN has already been signed",
                    "IRN " + irn.value() + " was signed at " + existing.signedAt());
        }
        return fresh;
    }

    public Optional<SignedInvoice> find(String irn) {
        return Optional.ofNullable(byIrn.get(irn));
    }

    public SignedInvoice get(String irn, String handler) {
        return find(irn).orElseThrow(() -> new NrsException(404, handler, "invoice not found",
                "no signed invoice with IRN " + irn));
    }

    public SignedInvoice updatePayment(String irn, PaymentStatus status, String reference) {
        get(irn, "invoice_update");
        return byIrn.computeIfPresent(irn, (k, inv) -> inv.withPaymentStatus(status, reference));
    }

    public SignedInvoice transmit(String irn) {
        get(irn, "invoice_transmit");
        return byIrn.computeIfPresent(irn, (k, inv) -> inv.transmittedNow());
    }

    public Collection<SignedInvoice> all() {
        return byIrn.values();
    }

    public void clear() {
        byIrn.clear();
    }
}
