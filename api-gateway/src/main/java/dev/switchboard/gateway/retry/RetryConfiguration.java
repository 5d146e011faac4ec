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
    RetryOnOtherInstanceFilter retryOnOtherInstanceFilter(RetryBudget budget, RetryProperties properties) {
        return new RetryOnOtherInstanceFilter(budget, properties);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "switchboard.gateway.filters.enabled", matchIfMissing = true)
    @ConditionalOnBooleanProperty(name = "switchboard.gateway.retry.enabled", matchIfMissing = true)
    RetryBrokenResponseFilter retryBrokenResponseFilter(RetryBudget budget) {
        return new RetryBrokenResponseFilter(budget);
    }

    /** The one budget both retry points spend from. */
    @Bean
    @ConditionalOnBooleanProperty(name = "switchboard.gateway.filters.enabled", matchIfMissing = true)
    @ConditionalOnBooleanProperty(name = "switchboard.gateway.retry.enabled", matchIfMissing = true)
    RetryBudget retryBudget(RetryProperties properties) {
        return new RetryBudget(properties);
    }
}
