package ng.risiti.platform.observability;

import io.opentelemetry.api.common.Attributes;
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
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Carries a trace across Kafka: the outbox stores the writer's W3C {@code traceparent}, the relay sends it as a record
 * header, and a consumer applies the event in a span that continues it. Across queued work the same way: a queue row
 * keeps {@link #currentParent()} and the worker that claims it runs in {@link #inSpan} continuing it (nrs-gateway's
 * submissions, webhook deliveries). With the OpenTelemetry SDK off (the default)
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
        return inSpan(traceParent, topic + " process", SpanKind.CONSUMER, consumerAttributes(topic, eventType, eventId), null, work);
    }

    /**
     * The consumer span of one event of a batch applied together ({@code consuming} for events applied one by one):
     * started now, continuing the trace of {@code traceParent}, and {@link Consuming#end ended} with the batch's work.
     * Without a trace parent there is no span.
     */
    public Consuming startConsuming(String traceParent, String topic, String eventType, String eventId) {
        if (traceParent == null) {
            return new Consuming(null, null);
        }
        Context parent = W3C.extract(Context.root(), traceParent, FROM);
        Span span = tracer.spanBuilder(topic + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAllAttributes(consumerAttributes(topic, eventType, eventId)).startSpan();
        String[] carrier = new String[1];
        W3C.inject(parent.with(span), carrier, INTO);
        return new Consuming(span, carrier[0]);
    }

    private static Attributes consumerAttributes(String topic, String eventType, String eventId) {
        return Attributes.builder().put("messaging.system", "kafka").put("messaging.destination.name", topic)
                .put("messaging.operation.type", "process").put("messaging.message.id", eventId).put("cloudevents.event_type", eventType)
                .build();
    }

    /** A started consumer span and its {@code traceparent}, for what the event's work queues. */
    public record Consuming(Span span, String traceParent) {

        public void end(Throwable failure) {
            if (span == null) {
                return;
            }
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }
    }

    /**
     * Runs {@code work} in a span of its own, current on the Vert.x context while the work runs (outbox rows it writes
     * and HTTP calls it makes carry it). Its parent is {@code traceParent} when one is given: the context stored with
     * queued work, so the worker that claims the row later, on any replica, continues the trace that queued it.
     * Without one it is a child of the current span (or starts a trace). {@code describe} adds what only the result
     * tells (an HTTP status, an outcome; it may set the status); a failure marks the span as an error. Work running side
     * by side needs a Vert.x context each, or their spans would take turns being current.
     */
    public <T> Uni<T> inSpan(String traceParent, String name, SpanKind kind, Attributes attributes, BiConsumer<Span, T> describe,
            Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Context parent = traceParent == null ? Context.current() : W3C.extract(Context.root(), traceParent, FROM);
            Span span = tracer.spanBuilder(name).setParent(parent).setSpanKind(kind).setAllAttributes(attributes).startSpan();
            Scope scope = parent.with(span).makeCurrent();
            Uni<T> done;
            try {
                done = work.get();
            } catch (RuntimeException e) {
                end(span, scope, e);
                throw e;
            }
            return done.onItem().invoke(item -> {
                if (describe != null) {
                    describe.accept(span, item);
                }
            }).onTermination().invoke((ignored, failure, cancelled) -> end(span, scope, failure));
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
