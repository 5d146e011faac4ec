package dev.switchboard.gateway.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpProperties.class)
class WebConfiguration {

    @Bean
    RequestIdWebFilter requestIdWebFilter() {
        return new RequestIdWebFilter();
    }

    @Bean
    ProblemMapper problemMapper(RetryAfterAdvisor retryAfterAdvisor) {
        return new ProblemMapper(retryAfterAdvisor);
    }

    @Bean
    ProblemWebFilter problemWebFilter(ProblemMapper problemMapper, JsonMapper jsonMapper) {
        return new ProblemWebFilter(problemMapper, jsonMapper);
    }

    @Bean
    BodySizeLimitWebFilter bodySizeLimitWebFilter(HttpProperties properties) {
        return new BodySizeLimitWebFilter(properties.maxBodySize());
    }
}
