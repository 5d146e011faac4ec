package dev.switchboard.collector.config;

import dev.switchboard.collector.history.HistoryQueries;
import dev.switchboard.collector.poll.ActuatorReader;
import dev.switchboard.collector.poll.HealthProbe;
import dev.switchboard.collector.poll.PollListener;
import dev.switchboard.collector.poll.Poller;
import dev.switchboard.collector.poll.TargetBreakers;
import dev.switchboard.collector.state.LiveState;
import dev.switchboard.collector.state.StatusChangeListener;
import dev.switchboard.collector.state.TargetGauges;
import dev.switchboard.collector.summary.SummaryService;
import dev.switchboard.collector.target.DiscoveryTargetSource;
import dev.switchboard.collector.target.StaticTargetSource;
import dev.switchboard.collector.target.TargetSource;
import dev.switchboard.collector.target.Targets;
import dev.switchboard.resilience.ResiliencePolicies;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires targets, polling and the live state. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CollectorProperties.class)
class CollectorConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Targets targets(CollectorProperties properties, ObjectProvider<DiscoveryClient> discoveryClient,
                    Environment environment) {
        List<TargetSource> sources = new ArrayList<>();
        sources.add(StaticTargetSource.of(properties));
        DiscoveryClient client = discoveryClient.getIfAvailable();
        if (properties.discovery().enabled() && client != null) {
            sources.add(new DiscoveryTargetSource(client, properties.healthPath(),
                    environment.getProperty("spring.application.name", "metrics-collector"),
                    properties.discovery().includeSelf()));
        }
        return new Targets(sources);
    }

    @Bean
    HealthProbe healthProbe(CollectorProperties properties, Clock clock) {
        return new HealthProbe(properties.timeout(), clock);
    }

    @Bean
    ActuatorReader actuatorReader(HealthProbe probe, CollectorProperties properties) {
        return new ActuatorReader(probe, properties.actuator().enabled(), properties.actuator().every());
    }

    @Bean
    LiveState liveState(ObjectProvider<StatusChangeListener> listeners) {
        return new LiveState(listeners.orderedStream().toList());
    }

    @Bean
    TargetGauges targetGauges(LiveState liveState, MeterRegistry meters) {
        return new TargetGauges(liveState, meters);
    }

    @Bean
    TargetBreakers targetBreakers(ResiliencePolicies policies) {
        return new TargetBreakers(policies);
    }

    @Bean
    Poller poller(Targets targets, HealthProbe probe, ActuatorReader actuatorReader,
                  ObjectProvider<PollListener> listeners, TargetBreakers breakers, CollectorProperties properties) {
        return new Poller(targets, probe, actuatorReader, listeners.orderedStream().toList(), breakers, properties);
    }

    @Bean
    SummaryService summaryService(LiveState liveState, HistoryQueries history, Clock clock,
                                  CollectorProperties properties, MeterRegistry meters) {
        return new SummaryService(liveState, history, clock, properties.summaryRefresh(), meters);
    }
}
