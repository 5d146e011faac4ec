package dev.switchboard.gateway.tracing;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

/**
 * Keeps the spans of the gateway's client observation (its proxied call to the backend, which writes the
 * outgoing {@code traceparent}) but not its meters. They are named {@code http.client.requests} like the meters of
 * Boot's own HTTP clients, with other tag keys, so Prometheus refuses one of the two
 * ("same set of tag keys"); and the gateway's request metrics have their own source.
 */
final class GatewayClientMeterFilter implements MeterFilter {

    static final String CLIENT_METER_PREFIX = "http.client.requests";
    static final String GATEWAY_TAG_PREFIX = "spring.cloud.gateway.";

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        boolean gatewayClientMeter = id.getName().startsWith(CLIENT_METER_PREFIX)
                && id.getTags().stream().anyMatch(tag -> tag.getKey().startsWith(GATEWAY_TAG_PREFIX));
        return gatewayClientMeter ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }
}
