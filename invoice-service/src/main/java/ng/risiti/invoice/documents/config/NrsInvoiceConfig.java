package ng.risiti.invoice.documents.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What the NRS invoice payload says of a line whose item carries no NRS classification of its own: NRS wants an
 * {@code hsn_code} and a {@code product_category} on every line, and items entered before a tenant classified them
 * have neither.
 */
@ConfigMapping(prefix = "risiti.nrs.invoice")
public interface NrsInvoiceConfig {

    /**
     * HS chapter 99 is reserved for national special classifications and commonly means "not elsewhere classified":
     * an honest code for an item nobody classified, where a made-up real heading would misstate the goods.
     */
    @WithDefault("9999.00")
    String defaultHsnCode();

    @WithDefault("General goods and services")
    String defaultProductCategory();
}
