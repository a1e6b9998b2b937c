package ng.risiti.invoice.taxreports.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.documents.domain.StatementDocument;
import ng.risiti.invoice.documents.service.StatementPdf;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.reports.domain.ReportPeriod;
import ng.risiti.invoice.reports.service.Reports;
import ng.risiti.invoice.taxreports.domain.TaxPeriod;
import ng.risiti.invoice.taxreports.domain.TaxReport;
import ng.risiti.invoice.taxreports.domain.TaxReportKind;
import ng.risiti.invoice.taxreports.domain.VatReturn;
import ng.risiti.invoice.taxreports.domain.WhtDeduction;
import ng.risiti.invoice.taxreports.repository.TaxReportRepository;
import ng.risiti.invoice.tenants.service.TenantDirectory;
import ng.risiti.platform.concurrent.Offload;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.time.Clocks;

/**
 * Tax reports (docs/specification.md, Tax reports): a VAT return or a WHT schedule for a period, its figures read from
 * the books when it is generated and stored as they were then, as a new version each time the same period is generated.
 */
@ApplicationScoped
public class TaxReports {

    private static final String NGN = "NGN";

    private final Reports reports;
    private final TaxReportRepository repository;
    private final TenantDirectory tenants;
    private final ObjectMapper json;
    private final Clock clock;

    public TaxReports(Reports reports, TaxReportRepository repository, TenantDirectory tenants, ObjectMapper json, Clock clock) {
        this.reports = reports;
        this.repository = repository;
        this.tenants = tenants;
        this.json = json;
        this.clock = clock;
    }

    public Uni<TaxReport> generate(Caller caller, TaxReportKind kind, TaxPeriod period) {
        Uni<ObjectNode> figures = kind == TaxReportKind.VAT ? vatFigures(caller, period) : whtFigures(caller, period);
        return figures.flatMap(computed -> Panache.withTransaction(() -> repository.nextVersion(caller.tenancy(), kind, period).flatMap(version -> {
            TaxReport report = new TaxReport(UuidV7.next(), kind, period, version, computed, Clocks.now(clock));
            return repository.insert(caller.tenancy(), report).replaceWith(report);
        })));
    }

    public Uni<List<TaxReport>> page(Caller caller, TaxReportKind kind, PageRequest page) {
        return Panache.withSession(() -> repository.page(caller.tenancy(), kind, page));
    }

    public Uni<TaxReport> get(Caller caller, UUID id) {
        return Panache.withSession(() -> repository.find(caller.tenancy(), id)).onItem().ifNull().failWith(() -> ApiException.notFound("Tax report", id));
    }

    /** The report as a one-page PDF, drawn from its stored figures (so a version prints the same every time). */
    public Uni<byte[]> pdf(Caller caller, UUID id) {
        return get(caller, id).flatMap(report -> tenants.find(caller.tenantId()).flatMap(tenant -> Offload.run(() -> StatementPdf.of(
                document(report, tenant == null ? null : tenant.name, tenant == null ? null : tenant.tin)))));
    }

    private Uni<ObjectNode> vatFigures(Caller caller, TaxPeriod period) {
        ReportPeriod range = new ReportPeriod(period.from(), period.to(), NGN);
        return reports.profitAndLoss(caller, range).flatMap(profit -> reports.taxSummary(caller, range).flatMap(tax -> Panache.withSession(
                () -> repository.salesByCategory(caller.tenancy(), period)).map(sales -> {
                    VatReturn vat = new VatReturn(profit.revenue(), sales.zeroRated(), sales.exempt(), tax.outputVat(), tax.outputVatDue(), tax.inputVat());
                    ObjectNode figures = json.createObjectNode().put("currency", NGN);
                    vat.figures().forEach(figure -> amount(figures, figure.key(), figure.amount()));
                    return figures;
                })));
    }

    private Uni<ObjectNode> whtFigures(Caller caller, TaxPeriod period) {
        return Panache.withSession(() -> repository.whtDeductions(caller.tenancy(), period)).map(deductions -> {
            ObjectNode figures = json.createObjectNode().put("currency", NGN);
            ArrayNode rows = figures.putArray("deductions");
            Kobo settled = Kobo.ZERO;
            Kobo withheld = Kobo.ZERO;
            for (WhtDeduction deduction : deductions) {
                ObjectNode row = rows.addObject().put("payment_id", deduction.paymentId().toString()).put("receipt_number", deduction.receiptNumber())
                        .put("paid_on", deduction.paidOn().toString()).put("invoice_number", deduction.invoiceNumber())
                        .put("customer_name", deduction.customerName()).put("customer_tin", deduction.customerTin());
                amount(row, "amount_settled", deduction.settled());
                amount(row, "wht_withheld", deduction.withheld());
                settled = settled.plus(deduction.settled());
                withheld = withheld.plus(deduction.withheld());
            }
            figures.put("count", deductions.size());
            amount(figures, "total_settled", settled);
            amount(figures, "total_wht_withheld", withheld);
            return figures;
        });
    }

    private static void amount(ObjectNode node, String key, Kobo amount) {
        node.put(key, amount.toNairaString()).put(key + "_kobo", amount.value());
    }

    private static StatementDocument document(TaxReport report, String supplierName, String supplierTin) {
        JsonNode figures = report.figures();
        List<StatementDocument.Row> rows;
        if (report.kind() == TaxReportKind.VAT) {
            rows = VatReturn.LINES.stream().map(line -> new StatementDocument.Row(line.label(), Kobo.of(figures.path(line.key() + "_kobo").asLong()),
                    "net_payable".equals(line.key()))).toList();
        } else {
            List<StatementDocument.Row> deductions = new ArrayList<>();
            figures.path("deductions").forEach(row -> deductions.add(new StatementDocument.Row(row.path("paid_on").asText() + "  "
                    + row.path("invoice_number").asText() + "  " + row.path("customer_name").asText("")
                    + (row.path("customer_tin").isTextual() ? " (TIN " + row.path("customer_tin").asText() + ")" : ""),
                    Kobo.of(row.path("wht_withheld_kobo").asLong()), false)));
            deductions.add(new StatementDocument.Row("Total WHT withheld (" + figures.path("count").asInt() + " payments)",
                    Kobo.of(figures.path("total_wht_withheld_kobo").asLong()), true));
            rows = deductions;
        }
        return new StatementDocument(report.kind().title() + " " + report.period().label(), "Version " + report.version() + ", period "
                + report.period().from() + " to " + report.period().to(), supplierName, supplierTin, NGN, rows, report.createdAt());
    }
}
