package dev.switchboard.gateway.discovery;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StaticInstancesProperties.class)
@LoadBalancerClients(defaultConfiguration = GatewayLoadBalancerConfiguration.class)
class StaticInstancesConfiguration {

    @Bean
    StaticInstancesDiscoveryClient staticInstancesDiscoveryClient(StaticInstancesProperties properties, Environment environment) {
        Map<String, String> urls = new LinkedHashMap<>(properties.always());
        if (!environment.getProperty("eureka.client.enabled", Boolean.class, true)) {
            properties.withoutEureka().forEach((service, list) -> urls.merge(service, list, (a, b) -> a + "," + b));
        }
        return new StaticInstancesDiscoveryClient(urls);
    }
}
