package ng.risiti.invoice.invoices.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The overdue job ({@code OverdueInvoices}): how often each replica runs it, and how much one transaction takes. */
@ConfigMapping(prefix = "risiti.invoice.overdue")
public interface OverdueConfig {

    /** A Quarkus scheduler duration ({@code off} disables the job); its {@code @Scheduled} expression reads the same key. */
    @WithDefault("60s")
    String interval();

    /** Invoices flagged per transaction; a run takes batches until none is left. */
    @WithDefault("200")
    int batchSize();
}
