package dev.statecraft.support.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;

/**
 * A W3C trace context ({@code traceparent}, {@code tracestate}) kept with a stored row, so that work done later
 * from that row (publishing an outbox row, sending a delivery) continues the trace of the work that wrote it.
 */
public record StoredTraceContext(String traceparent, String tracestate) {
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

    /** The context of the current span; both fields null when there is none. */
    public static StoredTraceContext current() {
        Map<String, String> fields = new HashMap<>();
        if (Span.current().getSpanContext().isValid()) {
            W3C.inject(Context.current(), fields, Map::put);
        }
        return new StoredTraceContext(fields.get("traceparent"), fields.get("tracestate"));
    }

    /** The stored context as a parent for a new span; the root context (a new trace) when none was stored. */
    public Context asParent() {
        Map<String, String> stored = new HashMap<>();
        if (traceparent != null) {
            stored.put("traceparent", traceparent);
        }
        if (tracestate != null) {
            stored.put("tracestate", tracestate);
        }
        return W3C.extract(Context.root(), stored, MAP_GETTER);
    }
}
