package dev.switchboard.gateway.discovery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClientsProperties;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.web.reactive.function.client.WebClient;

class WholeRoundHealthCheckSupplierTest {

    @RegisterExtension
    static WireMockExtension fast = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension slow = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension failing = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void publishesTheHealthyInstancesOfARoundOnlyOnceEveryCheckHasAnswered() {
        fast.stubFor(get("/health").willReturn(okJson("{\"status\":\"UP\"}")));
        slow.stubFor(get("/health").willReturn(okJson("{\"status\":\"UP\"}").withFixedDelay(300)));
        failing.stubFor(get("/health").willReturn(aResponse().withStatus(503)));
        ServiceInstance fastInstance = instance(fast);
        ServiceInstance slowInstance = instance(slow);
        LoadBalancerClientsProperties properties = new LoadBalancerClientsProperties();
        properties.getHealthCheck().getPath().put("default", "/health");
        properties.getHealthCheck().setInterval(Duration.ofSeconds(2));
        WholeRoundHealthCheckSupplier supplier = new WholeRoundHealthCheckSupplier(
                ServiceInstanceListSuppliers.from("vector-api", slowInstance, instance(failing), fastInstance),
                new LoadBalancerClientFactory(properties), WebClient.create());
        supplier.afterPropertiesSet();
        try {
            // The stock supplier's first list would hold the fast instance alone, 300 ms before the slow one's.
            List<ServiceInstance> first = supplier.get().blockFirst(Duration.ofSeconds(5));
            assertThat(first).containsExactly(slowInstance, fastInstance);
        }
        finally {
            supplier.destroy();
        }
    }

    private static ServiceInstance instance(WireMockExtension server) {
        return new DefaultServiceInstance("vector-api@" + server.getPort(), "vector-api", "localhost", server.getPort(),
                false);
    }
}
