package ng.risiti.invoice.documents.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.invoice.documents.service.En16931Validator;
import ng.risiti.invoice.documents.service.PdfReading;
import ng.risiti.nrs.sandbox.service.QrCodeReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class InvoiceDocumentResourceTests {

    private static final String INVOICE = """
            {"customer_id":"%s","issue_date":"2026-03-24","due_date":"2026-04-23",
             "line_items":[{"description":"Software Consulting - March","quantity":10,"unit_price":35000,"discount_percent":5,
                            "hsn_code":"9983.13","product_category":"Services"},
                           {"description":"Rice (50kg)","quantity":2,"unit_price":1000,"tax_rate_id":"00000000-0000-7000-8000-000000000000"},
                           {"description":"Printed manuals","quantity":3,"unit_price":2500.50,"tax_rate_id":"00000000-0000-7000-8000-0000000000e0"}]}""";

    InvoiceTestFixtures tenant;
    UUID customerId;

    @BeforeEach
    void starterTenantWithCustomer() {
        tenant = new InvoiceTestFixtures().onPlan("starter");
        customerId = tenant.customer("TechVentures Nigeria Ltd", "98765432-0001");
    }

    @Test
    void aFinalizedInvoicesXmlIsUblThatPassesEn16931WithItsIrnAndTotals() throws Exception {
        String id = tenant.finalizedInvoice(INVOICE.formatted(customerId));
        Response invoice = tenant.owner().get("/api/v1/invoices/" + id);
        invoice.then().body("data.line_items[0].hsn_code", equalTo("9983.13")).body("data.line_items[0].product_category", equalTo("Services"))
                .body("data.line_items[1].vat_category", equalTo("Z")).body("data.line_items[2].vat_category", equalTo("E"));
        Response xml = tenant.owner().get("/api/v1/invoices/" + id + "/xml");
        xml.then().statusCode(200).contentType(startsWith("application/xml"));
        byte[] body = xml.asByteArray();

        assertThat(En16931Validator.shared().validate("invoice", body, false).errors()).isEmpty();
        Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(new ByteArrayInputStream(body));
        var xpath = XPathFactory.newDefaultInstance().newXPath();
        assertThat(xpath.evaluate("/*[local-name()='Invoice']/*[local-name()='InvoiceTypeCode']", doc)).isEqualTo("380");
        assertThat(new String(body, StandardCharsets.UTF_8)).contains(invoice.<String>path("data.irn"))
                .contains(">" + invoice.<String>path("data.total_amount") + "</cbc:PayableAmount>")
                .contains("Adeyemi &amp; Sons Trading Ltd");
    }

    @Test
    void aFinalizedInvoicesPdfOpensInPdfBoxWithItsNumberIrnAndTotal() throws Exception {
        String id = tenant.finalizedInvoice(INVOICE.formatted(customerId));
        Response invoice = tenant.owner().get("/api/v1/invoices/" + id);
        Response pdf = tenant.owner().get("/api/v1/invoices/" + id + "/pdf");
        pdf.then().statusCode(200).contentType("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.asByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(invoice.<String>path("data.invoice_number")).contains(invoice.<String>path("data.irn"))
                    .contains("TechVentures Nigeria Ltd");
        }
        assertThat(tenant.owner().get("/api/v1/invoices/" + id + "/pdf").asByteArray()).isEqualTo(pdf.asByteArray());
    }

    @Test
    void thePdfsQrCodeScansAndNrsDecryptsItToTheInvoicesIrnAndFinalizeTime() {
        String id = tenant.finalizedInvoice(INVOICE.formatted(customerId));
        Response invoice = tenant.owner().get("/api/v1/invoices/" + id);
        byte[] pdf = tenant.owner().get("/api/v1/invoices/" + id + "/pdf").then().statusCode(200).extract().asByteArray();

        String scanned = PdfReading.scanQr(pdf, 0);
        QrCodeReader.Decoded decoded = new QrCodeReader().read(scanned);
        assertThat(decoded.irn().value()).isEqualTo(invoice.<String>path("data.irn"));
        assertThat(decoded.timestamp()).isEqualTo(java.time.OffsetDateTime.parse(invoice.<String>path("data.finalized_at")).toEpochSecond());
        assertThat(decoded.certificate()).isEqualTo(new QrCodeReader().certificate());
    }

    @Test
    void aCreditNoteIsAUblCreditNoteReferencingItsInvoice() throws Exception {
        String id = tenant.finalizedInvoice(INVOICE.formatted(customerId));
        String number = tenant.owner().get("/api/v1/invoices/" + id).path("data.invoice_number");
        String noteId = tenant.owner().body("{\"reason\":\"Goods returned\",\"amount\":1000}").post("/api/v1/invoices/" + id + "/credit-note")
                .then().statusCode(201).extract().path("data.id");
        byte[] xml = tenant.owner().get("/api/v1/invoices/" + noteId + "/xml").then().statusCode(200).extract().asByteArray();
        assertThat(En16931Validator.shared().validate("credit note", xml, true).errors()).isEmpty();
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>").contains("<cbc:ID>" + number + "</cbc:ID>");
        tenant.owner().get("/api/v1/invoices/" + noteId + "/pdf").then().statusCode(200).contentType("application/pdf");
    }

    @Test
    void draftsHaveNoDocumentsFreePlansGet402AndStrangers404() {
        String draft = tenant.owner().body(INVOICE.formatted(customerId)).post("/api/v1/invoices").then().statusCode(201).extract().path("data.id");
        for (String kind : List.of("xml", "pdf")) {
            tenant.owner().get("/api/v1/invoices/" + draft + "/" + kind).then().statusCode(422)
                    .body("error.code", equalTo("UNPROCESSABLE"))
                    .body("error.message", equalTo("Invoice is draft; finalize it to get its " + kind.toUpperCase() + "."));
            tenant.owner().get("/api/v1/invoices/" + UUID.randomUUID() + "/" + kind).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
            new InvoiceTestFixtures().onPlan("starter").owner().get("/api/v1/invoices/" + draft + "/" + kind).then().statusCode(404);
            io.restassured.RestAssured.given().get("/api/v1/invoices/" + draft + "/" + kind).then().statusCode(401);
        }

        InvoiceTestFixtures free = new InvoiceTestFixtures().onPlan("free");
        String id = free.finalizedInvoice(INVOICE.formatted(free.customer("Free Customer", "11111111-0001")));
        free.owner().get("/api/v1/invoices/" + id + "/pdf").then().statusCode(402)
                .body("error.code", equalTo("FEATURE_NOT_AVAILABLE"))
                .body("error.message", equalTo("PDF downloads need the Starter plan or higher; this business is on the Free plan."));
        free.owner().get("/api/v1/invoices/" + id + "/xml").then().statusCode(402)
                .body("error.message", equalTo("UBL XML downloads need the Starter plan or higher; this business is on the Free plan."));
    }
}
