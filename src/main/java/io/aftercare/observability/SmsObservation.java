package io.aftercare.observability;

import io.aftercare.sms.SmsGateway;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Times every request to the SMS provider ({@code aftercare_twilio_request_seconds} by {@code outcome}) and, when
 * tracing is on ({@code quarkus.otel.sdk.disabled=false}), makes it a span.
 */
@ApplicationScoped
public class SmsObservation {

    private final MeterRegistry registry;
    private final Tracer tracer;

    SmsObservation(MeterRegistry registry, Instance<Tracer> tracer) {
        this.registry = registry;
        // Without the OpenTelemetry extension built in (quarkus.otel.enabled=false) there is no tracer to inject.
        this.tracer =
                tracer.isResolvable() ? tracer.get() : OpenTelemetry.noop().getTracer(ObservedSmsGateway.SPAN);
    }

    /** {@code gateway}, each of its sends timed and traced. */
    public SmsGateway observe(SmsGateway gateway) {
        return new ObservedSmsGateway(gateway, registry, tracer);
    }
}
