package dev.switchboard.gateway.retry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetryProperties.class)
class RetryConfiguration {

    @Bean
    @ConditionalOnBooleanProperty(name = "switchboard.gateway.filters.enabled", matchIfMissing = true)
    @ConditionalOnBooleanProperty(name = "switchboard.gateway.retry.enabled", matchIfMissing = true)
    RetryOnOtherInstanceFilter retryOnOtherInstanceFilter(RetryProperties properties) {
        return new RetryOnOtherInstanceFilter(properties);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "switchboard.gateway.filters.enabled", matchIfMissing = true)
    @ConditionalOnBooleanProperty(name = "switchboard.gateway.retry.enabled", matchIfMissing = true)
    RetryBrokenResponseFilter retryBrokenResponseFilter(RetryProperties properties) {
        return new RetryBrokenResponseFilter(properties);
    }
}
