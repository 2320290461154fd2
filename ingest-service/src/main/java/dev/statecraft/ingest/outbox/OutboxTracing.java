package dev.statecraft.ingest.outbox;

import dev.statecraft.support.tracing.StoredTraceContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/**
 * Carries the trace of the request that stored an event across the outbox: the W3C context is kept with the
 * row, and the relay publishes within a producer span that continues it and puts its {@code traceparent}
 * on the Kafka record, where the consumers pick it up.
 */
@ApplicationScoped
public class OutboxTracing {
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapSetter<Headers> HEADER_SETTER = (headers, key, value) -> {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    };

    @Inject
    OpenTelemetry openTelemetry;

    /** A producer span for publishing the row, child of the trace stored with it (a new trace if none). */
    Span startPublish(OutboxRow row, String topic) {
        Context parent = new StoredTraceContext(row.traceparent, row.tracestate).asParent();
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
