package dev.switchboard.samples.fault;

import dev.switchboard.support.problem.ProblemResponseWriter;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Fault injection, in every role. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FaultProperties.class)
class FaultConfiguration {

    @Bean
    FaultInjector faultInjector(FaultProperties properties) {
        return new FaultInjector(properties.initial(), () -> ThreadLocalRandom.current().nextDouble(),
                duration -> Thread.sleep(duration.toMillis()));
    }

    @Bean
    FilterRegistrationBean<FaultInjectionFilter> faultInjectionFilter(FaultInjector injector,
            ProblemResponseWriter problemWriter) {
        var registration = new FilterRegistrationBean<>(new FaultInjectionFilter(injector, problemWriter));
        registration.addUrlPatterns("/api/*");
        // After the request id and body limit filters, so injected errors carry the request id like real ones.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FaultsHealthIndicator faultsHealthIndicator(FaultInjector injector) {
        return new FaultsHealthIndicator(injector);
    }
}
