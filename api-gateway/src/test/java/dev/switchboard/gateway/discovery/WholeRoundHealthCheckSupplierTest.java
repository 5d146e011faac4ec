package dev.switchboard.gateway.discovery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClientsProperties;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

class WholeRoundHealthCheckSupplierTest {

    private final WireMockServer fast = new WireMockServer(wireMockConfig().dynamicPort());
    private final WireMockServer slow = new WireMockServer(wireMockConfig().dynamicPort());
    private final WireMockServer failing = new WireMockServer(wireMockConfig().dynamicPort());

    @BeforeEach
    void start() {
        fast.start();
        slow.start();
        failing.start();
        fast.stubFor(get("/health").willReturn(okJson("{\"status\":\"UP\"}")));
        slow.stubFor(get("/health").willReturn(okJson("{\"status\":\"UP\"}").withFixedDelay(300)));
        failing.stubFor(get("/health").willReturn(aResponse().withStatus(503)));
    }

    @AfterEach
    void stop() {
        List.of(fast, slow, failing).forEach(WireMockServer::stop);
    }

    @Test
    void publishesTheHealthyInstancesOfARoundOnlyOnceEveryCheckHasAnswered() {
        ServiceInstance fastInstance = instance(fast);
        ServiceInstance slowInstance = instance(slow);
        LoadBalancerClientsProperties properties = new LoadBalancerClientsProperties();
        properties.getHealthCheck().getPath().put("default", "/health");
        properties.getHealthCheck().setInterval(Duration.ofSeconds(2));
        WholeRoundHealthCheckSupplier supplier = new WholeRoundHealthCheckSupplier(
                fixed(List.of(slowInstance, instance(failing), fastInstance)),
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

    private static ServiceInstance instance(WireMockServer server) {
        return new DefaultServiceInstance("vector-api@" + server.port(), "vector-api", "localhost", server.port(), false);
    }

    private static ServiceInstanceListSupplier fixed(List<ServiceInstance> instances) {
        return new ServiceInstanceListSupplier() {
            @Override
            public String getServiceId() {
                return "vector-api";
            }

            @Override
            public Flux<List<ServiceInstance>> get() {
                return Flux.just(instances);
            }
        };
    }
}
