package ng.risiti.invoice.documents.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the documents point their readers, and how many rendered PDFs a process keeps. */
@ConfigMapping(prefix = "risiti.invoice.documents")
public interface DocumentsConfig {

    /** The public base URL of the API: an invoice's pay page is {@code <public-url>/p/<public_token>/pay}. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** Rendered PDFs kept in memory, by invoice id and version (a finalized invoice's PDF only changes with it). */
    @WithDefault("256")
    int pdfCacheSize();
}
