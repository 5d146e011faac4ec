package dev.switchboard.gateway.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP conventions every Switchboard service follows, as WebFlux filters. {@code switchboard.gateway.filters.enabled=false}
 * switches them off together with the access log, the meters and the rate limiter, leaving a stock Spring Cloud Gateway:
 * the benchmark uses it to measure what our filters cost.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpProperties.class)
class WebConfiguration {

    @Bean
    @ConditionalOnBooleanProperty(name = "switchboard.gateway.filters.enabled", matchIfMissing = true)
    RequestIdWebFilter requestIdWebFilter() {
        return new RequestIdWebFilter();
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "switchboard.gateway.filters.enabled", matchIfMissing = true)
    RequestIdHeadersFilter requestIdHeadersFilter() {
        return new RequestIdHeadersFilter();
    }

    @Bean
    ProblemMapper problemMapper(RetryAfterAdvisor retryAfterAdvisor) {
        return new ProblemMapper(retryAfterAdvisor);
    }

    @Bean
    ProblemWriter problemWriter(JsonMapper jsonMapper) {
        return new ProblemWriter(jsonMapper);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "switchboard.gateway.filters.enabled", matchIfMissing = true)
    ProblemWebFilter problemWebFilter(ProblemMapper problemMapper, ProblemWriter problemWriter) {
        return new ProblemWebFilter(problemMapper, problemWriter);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "switchboard.gateway.filters.enabled", matchIfMissing = true)
    BodySizeLimitWebFilter bodySizeLimitWebFilter(HttpProperties properties) {
        return new BodySizeLimitWebFilter(properties.maxBodySize());
    }
}
