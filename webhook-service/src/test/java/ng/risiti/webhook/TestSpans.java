package ng.risiti.webhook;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Finished spans kept in memory (Quarkus exports to every SpanExporter bean), so tests read the traces a collector would get. */
@ApplicationScoped
public class TestSpans {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
