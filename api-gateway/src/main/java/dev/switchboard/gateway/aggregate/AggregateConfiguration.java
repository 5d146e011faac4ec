package dev.switchboard.gateway.aggregate;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AggregateProperties.class)
class AggregateConfiguration {

    /**
     * The load-balanced client is built here rather than exposed as a {@code @LoadBalanced} builder bean: that bean
     * would also load-balance the health checks, which call instances by host name.
     */
    @Bean
    AggregateFetcher aggregateFetcher(WebClient.Builder builder, ReactorLoadBalancerExchangeFilterFunction loadBalancer,
            JsonMapper jsonMapper) {
        return new AggregateFetcher(builder.clone().filter(loadBalancer).build(), builder.clone().build(), jsonMapper);
    }
}
