package dev.switchboard.gateway.discovery;

import java.net.URI;
import java.util.List;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerProperties;
import org.springframework.cloud.loadbalancer.core.HealthCheckServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spring Cloud LoadBalancer's health-checked instance list, published once per round of checks. The stock supplier
 * publishes a growing list as each check of a round answers, so for a moment in every round the list holds only the
 * instance that answered first. A retry that must avoid the instance it just failed on then finds no other one and
 * goes back to it: one failed GET when an instance is killed under load.
 * <p>
 * Checks, their path, interval and timeout are the stock ones ({@code spring.cloud.loadbalancer.health-check.*}):
 * an instance is healthy when its health path answers 200 within the interval.
 */
class WholeRoundHealthCheckSupplier extends HealthCheckServiceInstanceListSupplier {

    private final LoadBalancerProperties.HealthCheck healthCheck;

    WholeRoundHealthCheckSupplier(ServiceInstanceListSupplier delegate, LoadBalancerClientFactory factory,
            WebClient webClient) {
        super(delegate, factory, (instance, path) -> answersOk(webClient, instance, path));
        LoadBalancerProperties properties = factory.getProperties(getServiceId());
        this.healthCheck = properties != null ? properties.getHealthCheck() : new LoadBalancerProperties.HealthCheck();
    }

    @Override
    protected Flux<List<ServiceInstance>> healthCheckFlux(List<ServiceInstance> instances) {
        Flux<List<ServiceInstance>> round = Flux.fromIterable(instances)
                .flatMapSequential(instance -> isAlive(instance)
                        .onErrorReturn(false)
                        .timeout(healthCheck.getInterval(), Mono.just(false))
                        .filter(Boolean::booleanValue)
                        .map(healthy -> instance))
                .collectList()
                .flux();
        return healthCheck.getRepeatHealthCheck()
                ? round.repeatWhen(rounds -> rounds.delayElements(healthCheck.getInterval()))
                : round;
    }

    private static Mono<Boolean> answersOk(WebClient webClient, ServiceInstance instance, String path) {
        URI uri = UriComponentsBuilder.fromUri(instance.getUri())
                .path(path.startsWith("/") ? path : "/" + path)
                .build()
                .toUri();
        return webClient.get().uri(uri).retrieve().toBodilessEntity()
                .map(response -> response.getStatusCode().isSameCodeAs(HttpStatus.OK))
                .onErrorReturn(false);
    }
}
