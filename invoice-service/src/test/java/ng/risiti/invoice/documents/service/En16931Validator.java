package ng.risiti.invoice.documents.service;

import com.helger.diagnostics.error.IError;
import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.en16931.EN16931Validation;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/**
 * The reference validator (phive with the CEN EN 16931 rules): the UBL 2.1 XSD, then the EN 16931 UBL schematron, of the
 * newest EN 16931 release the rules jar carries. Built once per test class: compiling the schematron takes seconds.
 */
public final class En16931Validator {

    static final DVRCoordinate INVOICE = EN16931Validation.VID_UBL_INVOICE_1316;
    static final DVRCoordinate CREDIT_NOTE = EN16931Validation.VID_UBL_CREDIT_NOTE_1316;

    /** Every finding of one validation: errors fail a document, warnings are only reported. */
    public record Findings(List<String> errors, List<String> warnings) {
    }

    /** phive logs every schematron run at INFO; hundreds of those lines would bury a failure. Held: JUL keeps loggers weakly. */
    private static final Logger PHIVE_LOGS = Logger.getLogger("com.helger");

    private final ValidationExecutorSetRegistry<IValidationSourceXML> registry = new ValidationExecutorSetRegistry<>();

    private static En16931Validator shared;

    /** One validator for every test class of this JVM that needs one (the API tests as well as the UBL ones). */
    public static synchronized En16931Validator shared() {
        if (shared == null) {
            shared = new En16931Validator();
        }
        return shared;
    }

    En16931Validator() {
        PHIVE_LOGS.setLevel(Level.WARNING);
        EN16931Validation.initEN16931(registry);
    }

    public Findings validate(String name, byte[] xml, boolean creditNote) {
        IValidationExecutorSet<IValidationSourceXML> rules = Objects.requireNonNull(registry.getOfID(creditNote ? CREDIT_NOTE : INVOICE),
                "the rules jar has no EN 16931 UBL 1.3.16 set");
        ValidationResultList results = ValidationExecutionManager.executeValidation(IValidityDeterminator.createDefault(), rules,
                ValidationSourceXML.create(name, parse(xml)), Locale.ENGLISH);
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        results.forEachFlattened(finding -> (finding.isError() ? errors : warnings).add(describe(finding)));
        return new Findings(errors, warnings);
    }

    /** Rule id, text and the XPath of the offending element (an XSD finding names the element in its text instead). */
    private static String describe(IError finding) {
        return finding.getErrorLevel().getID()
                + (finding.getErrorID() != null ? " " + finding.getErrorID() : "")
                + " " + finding.getErrorText(Locale.ENGLISH)
                + (finding.getErrorFieldName() != null ? " at " + finding.getErrorFieldName() : "");
    }

    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + new String(xml, StandardCharsets.UTF_8), e);
        }
    }
}
