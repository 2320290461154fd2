package dev.statecraft.ingest.outbox;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Headers;

/**
 * Carries the trace of the request that stored an event across the outbox: the W3C context is kept with the
 * row, and the relay publishes within a producer span that continues it and puts its {@code traceparent}
 * on the Kafka record, where the consumers pick it up.
 */
@ApplicationScoped
public class OutboxTracing {
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };
    private static final TextMapSetter<Headers> HEADER_SETTER = (headers, key, value) -> {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    };

    @Inject
    OpenTelemetry openTelemetry;

    /** The current trace context as W3C fields ({@code traceparent}, maybe {@code tracestate}); empty if none. */
    static Map<String, String> currentContext() {
        Map<String, String> fields = new HashMap<>();
        if (Span.current().getSpanContext().isValid()) {
            W3C.inject(Context.current(), fields, Map::put);
        }
        return fields;
    }

    /** A producer span for publishing the row, child of the trace stored with it (a new trace if none). */
    Span startPublish(OutboxRow row, String topic) {
        Map<String, String> stored = new HashMap<>();
        if (row.traceparent != null) {
            stored.put("traceparent", row.traceparent);
        }
        if (row.tracestate != null) {
            stored.put("tracestate", row.tracestate);
        }
        Context parent = W3C.extract(Context.root(), stored, MAP_GETTER);
        return openTelemetry.getTracer("dev.statecraft.ingest.outbox")
                .spanBuilder(topic + " publish").setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.kafka.message.key", row.announcementId)
                .setAttribute("announcement.id", row.announcementId)
                .setAttribute("announcement.revision", row.revision)
                .startSpan();
    }

    /** Puts the span's context on the record's headers ({@code traceparent}, {@code tracestate}). */
    static void inject(Span span, Headers headers) {
        W3C.inject(Context.root().with(span), headers, HEADER_SETTER);
    }

}
