package ng.risiti.nrs.sandbox.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import ng.risiti.nrs.sandbox.NrsException;
import ng.risiti.nrs.sandbox.service.FaultInjector;
import ng.risiti.nrs.sandbox.service.FaultInjector.Fault;
import ng.risiti.nrs.sandbox.service.InvoiceLedger;
import ng.risiti.nrs.sandbox.service.LatencyProfile;
import ng.risiti.nrs.sandbox.service.QrCodeReader;

/**
 * Test controls, not part of NRS: {@code POST /__sandbox/faults {"count":3,"status":500,"delay_ms":0,"path_prefix":"/api/v1/invoice/sign"}}
 * makes the next matching calls fail; {@code POST /__sandbox/reset} forgets every invoice and fault;
 * {@code GET /__sandbox/crypto-keys} is the sandbox's {@code crypto_keys.txt}, for clients that build QR codes.
 */
@Path("/__sandbox")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxAdminResource {

    public record FaultRequest(Integer count, Integer status,
                               @JsonProperty("delay_ms") Long delayMs,
                               @JsonProperty("path_prefix") String pathPrefix) {
    }

    /** {@code {"profile":"realistic"}} or {@code {"min_ms":50,"max_ms":80}}. */
    public record LatencyRequest(String profile, @JsonProperty("min_ms") Long minMs, @JsonProperty("max_ms") Long maxMs) {
    }

    private final FaultInjector faults;
    private final LatencyProfile latency;
    private final InvoiceLedger ledger;
    private final QrCodeReader qrCodes;

    public SandboxAdminResource(FaultInjector faults, LatencyProfile latency, InvoiceLedger ledger, QrCodeReader qrCodes) {
        this.faults = faults;
        this.latency = latency;
        this.ledger = ledger;
        this.qrCodes = qrCodes;
    }

    @POST
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response arm(FaultRequest req) {
        int count = req == null || req.count() == null ? 1 : req.count();
        int status = req == null || req.status() == null ? 500 : req.status();
        long delay = req == null || req.delayMs() == null ? 0 : req.delayMs();
        String prefix = req == null || req.pathPrefix() == null ? "/api/" : req.pathPrefix();
        if (count < 0 || status < 400 || status > 599 || delay < 0 || delay > 120_000) {
            throw new NrsException(400, "sandbox_faults", "invalid fault plan",
                    "count >= 0, 400 <= status <= 599, 0 <= delay_ms <= 120000");
        }
        faults.arm(new Fault(count, status, delay, prefix));
        return current();
    }

    @GET
    @Path("/faults")
    public Response current() {
        return NrsEnvelope.ok(faults.current()
                .<Object>map(f -> Map.of("count", f.remaining(), "status", f.status(), "delay_ms", f.delayMillis(),
                        "path_prefix", f.pathPrefix()))
                .orElse(Map.of("count", 0)));
    }

    @DELETE
    @Path("/faults")
    public Response clear() {
        faults.clear();
        return current();
    }

    @POST
    @Path("/latency")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setLatency(LatencyRequest req) {
        try {
            if (req != null && req.minMs() != null) {
                long max = req.maxMs() == null ? req.minMs() : req.maxMs();
                if (req.minMs() < 0 || max < req.minMs() || max > 120_000) {
                    throw new IllegalArgumentException("0 <= min_ms <= max_ms <= 120000");
                }
                latency.set(new LatencyProfile.Profile("custom", req.minMs(), max));
            } else {
                latency.set(LatencyProfile.named(req == null ? null : req.profile()));
            }
        } catch (IllegalArgumentException e) {
            throw new NrsException(400, "sandbox_latency", "invalid latency profile", e.getMessage());
        }
        return latency();
    }

    @GET
    @Path("/latency")
    public Response latency() {
        LatencyProfile.Profile p = latency.current();
        return NrsEnvelope.ok(Map.of("profile", p.name(), "min_ms", p.minMillis(), "max_ms", p.maxMillis()));
    }

    @POST
    @Path("/reset")
    public Response reset() {
        faults.clear();
        ledger.clear();
        return NrsEnvelope.ok(Map.of("ok", true));
    }

    @GET
    @Path("/invoices")
    public Response invoices() {
        return NrsEnvelope.ok(ledger.all().stream().map(i -> i.irn().value()).sorted().toList());
    }

    /** Bare, not in NRS's envelope: it is the file's content, as a taxpayer downloads it from the NRS dashboard. */
    @GET
    @Path("/crypto-keys")
    public Map<String, String> cryptoKeys() {
        return qrCodes.cryptoKeys();
    }
}
