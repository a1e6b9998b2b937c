package ng.risiti.invoice.documents.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import ng.risiti.invoice.documents.domain.InvoiceDocument;
import ng.risiti.invoice.documents.domain.InvoiceDocument.Address;
import ng.risiti.invoice.documents.domain.InvoiceDocument.Party;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second, independent reader: poppler (what many Linux viewers and print pipelines use). It reports any syntax it
 * had to repair on stderr, so a quiet run means a well-formed file. Skipped where poppler-utils is not installed.
 */
class InvoicePdfPopplerTests {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @TempDir
    Path folder;

    @Test
    void pdftoppmRendersTheFirstPageToAPngWithoutComplaint() throws Exception {
        assumeTrue(onPath("pdftoppm"), "pdftoppm (poppler-utils) is not installed");
        Path pdf = write("invoice.pdf", PdfTestDocuments.namedWithQr());

        Result result = run("pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", pdf.toString(),
                folder.resolve("page1").toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.stderr()).isEmpty();
        byte[] png = Files.readAllBytes(folder.resolve("page1.png"));
        assertThat(png).startsWith(PNG_SIGNATURE);
        assertThat(png.length).isGreaterThan(10_000);
    }

    @Test
    void pdftotextReadsEveryPageOfALongInvoiceAndDegradedText() throws Exception {
        assumeTrue(onPath("pdftotext"), "pdftotext (poppler-utils) is not installed");
        InvoiceDocument forty = PdfTestDocuments.withCustomer(PdfTestDocuments.fortyLines(40),
                new Party("Ẹ̀kọ́ (Lagos) \\ Ltd ₦", null, null, null, new Address(null, null, null, "NG")));
        Path pdf = write("forty.pdf", forty);

        Result result = run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stderr()).isEmpty();
        String text = PdfReading.normalised(result.stdout());
        assertThat(text).contains("INV-2026-0400", "Eko (Lagos) \\ Ltd ?", InvoicePdfTests.money(forty.total()), "Page 1 of 3",
                "Page 3 of 3", PdfTestDocuments.description(40));
    }

    private Path write(String name, InvoiceDocument document) throws IOException {
        Path pdf = folder.resolve(name);
        Files.write(pdf, InvoicePdf.of(document));
        return pdf;
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private Result run(String... command) throws IOException, InterruptedException {
        Path out = folder.resolve("stdout");
        Path err = folder.resolve("stderr");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String binary) {
        List<String> directories = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        return directories.stream().anyMatch(directory -> !directory.isEmpty() && Files.isExecutable(Path.of(directory, binary)));
    }
}
