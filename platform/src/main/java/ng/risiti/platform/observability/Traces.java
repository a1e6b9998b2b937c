package ng.risiti.platform.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Supplier;

/**
 * Carries a trace across Kafka: the outbox stores the writer's W3C {@code traceparent}, the relay sends it as a record
 * header, and a consumer applies the event in a span that continues it. With the OpenTelemetry SDK off (the default)
 * this service records no span; a context arriving from a service that traces still passes on to the events it writes
 * (the no-op tracer's span carries its parent's context), and without one nothing is stored.
 */
@ApplicationScoped
public class Traces {

    /** The Kafka record header (W3C Trace Context, as OpenTelemetry's Kafka instrumentation names it). */
    public static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapSetter<String[]> INTO = (carrier, key, value) -> {
        if (TRACEPARENT.equals(key)) {
            carrier[0] = value;
        }
    };
    private static final TextMapGetter<String> FROM = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private final Tracer tracer;

    public Traces(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The current span's {@code traceparent}, or null when there is no valid (sampled or not) span. */
    public static String currentParent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        String[] carrier = new String[1];
        W3C.inject(Context.current(), carrier, INTO);
        return carrier[0];
    }

    /**
     * Runs {@code work} in a consumer span that continues the trace of {@code traceParent}; the span is current on the
     * Vert.x context while the work runs, so outbox rows it writes and HTTP calls it makes carry the same trace.
     */
    public Uni<Void> consuming(String traceParent, String topic, String eventType, String eventId, Supplier<Uni<Void>> work) {
        if (traceParent == null) {
            return work.get();
        }
        return Uni.createFrom().deferred(() -> {
            Context parent = W3C.extract(Context.root(), traceParent, FROM);
            Span span = tracer.spanBuilder(topic + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                    .setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", topic)
                    .setAttribute("messaging.operation.type", "process").setAttribute("messaging.message.id", eventId)
                    .setAttribute("cloudevents.event_type", eventType).startSpan();
            Scope scope = parent.with(span).makeCurrent();
            Uni<Void> applied;
            try {
                applied = work.get();
            } catch (RuntimeException e) {
                end(span, scope, e);
                throw e;
            }
            return applied.onTermination().invoke((ignored, failure, cancelled) -> end(span, scope, failure));
        });
    }

    private static void end(Span span, Scope scope, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
        scope.close();
    }
}
