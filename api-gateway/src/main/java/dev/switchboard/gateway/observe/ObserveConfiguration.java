package dev.switchboard.gateway.observe;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ObserveConfiguration {

    @Bean
    RouteMeters routeMeters(MeterRegistry registry) {
        return new RouteMeters(registry);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "switchboard.gateway.filters.enabled", matchIfMissing = true)
    ExchangeLogWebFilter exchangeLogWebFilter(RouteMeters meters) {
        return new ExchangeLogWebFilter(meters);
    }
}
