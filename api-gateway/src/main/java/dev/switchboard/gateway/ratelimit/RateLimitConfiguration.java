package dev.switchboard.gateway.ratelimit;

import dev.switchboard.gateway.observe.RouteMeters;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.health.DataRedisReactiveHealthIndicator;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    @ConditionalOnBooleanProperty(name = "switchboard.gateway.filters.enabled", matchIfMissing = true)
    @ConditionalOnBooleanProperty(name = "switchboard.gateway.rate-limit.enabled", matchIfMissing = true)
    RateLimitGlobalFilter rateLimitGlobalFilter(RateLimitProperties properties, TokenBuckets tokenBuckets, RouteMeters meters) {
        return new RateLimitGlobalFilter(properties,
                new ClientKeyResolver(properties.keyHeader(), properties.trustForwardedFor()), tokenBuckets, meters);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "switchboard.gateway.rate-limit.mode", havingValue = "memory", matchIfMissing = true)
    static class InMemory {

        @Bean
        TokenBuckets inMemoryTokenBuckets(RateLimitProperties properties) {
            return new InMemoryTokenBuckets(properties.maxClients(), properties.idleExpiry());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "switchboard.gateway.rate-limit.mode", havingValue = "redis")
    static class Redis {

        @Bean
        TokenBuckets redisTokenBuckets(RateLimitProperties properties, ReactiveStringRedisTemplate template,
                RedisScript<java.util.List<Long>> redisRequestRateLimiterScript, ConfigurationService configurationService) {
            return new RedisTokenBuckets(new RedisRateLimiter(template, redisRequestRateLimiterScript, configurationService),
                    properties.redisKeyPrefix());
        }

        /** Redis' health counts only when buckets live there (Boot's own indicator is switched off in application.yml). */
        @Bean
        DataRedisReactiveHealthIndicator redisHealthIndicator(ReactiveRedisConnectionFactory connectionFactory) {
            return new DataRedisReactiveHealthIndicator(connectionFactory);
        }
    }
}
