package dev.switchboard.samples.etl;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The etl-api role's beans, created only when its profile is active (its controller carries the same profile). */
@Configuration(proxyBeanMethods = false)
@Profile("etl-api")
@EnableConfigurationProperties(EtlProperties.class)
class EtlApiConfiguration {

    @Bean
    JobRepository jobRepository(EtlProperties properties) {
        return new JobRepository(properties.retainedJobs());
    }

    @Bean
    EtlEngine etlEngine() {
        return new EtlEngine();
    }

    @Bean
    JobRunner jobRunner(JobRepository repository, EtlEngine engine) {
        return new JobRunner(repository, engine, Clock.systemUTC());
    }

    @Bean
    InProcessDispatcher inProcessDispatcher(JobRunner runner, EtlProperties properties) {
        return new InProcessDispatcher(runner, properties.workers(), properties.backlog());
    }

    @Bean
    EtlJobService etlJobService(JobRepository repository, JobDispatcher dispatcher) {
        return new EtlJobService(repository, dispatcher, Clock.systemUTC());
    }
}
