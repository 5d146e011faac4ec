package dev.switchboard.support;

import dev.switchboard.support.admin.AdminCredentialFilter;
import dev.switchboard.support.admin.AdminKeys;
import dev.switchboard.support.admin.AdminOperations;
import dev.switchboard.support.admin.AdminProperties;
import dev.switchboard.support.problem.ProblemDetailsAdvice;
import dev.switchboard.support.problem.ProblemResponseWriter;
import dev.switchboard.support.web.HealthController;
import dev.switchboard.support.web.RequestBodyLimitFilter;
import dev.switchboard.support.web.RequestIdFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers the shared conventions in a servlet application: the request id filter (first, so every
 * later log line and error carries the id), the body size limit, the admin credential check, problem+json errors
 * and {@code /health}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties({ ServiceSupportProperties.class, AdminProperties.class })
public class ServiceSupportAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        var registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    ProblemResponseWriter problemResponseWriter(JsonMapper jsonMapper) {
        return new ProblemResponseWriter(jsonMapper);
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ServiceSupportProperties properties,
            ProblemResponseWriter problemResponseWriter) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.maxBodySize(), problemResponseWriter));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AdminCredentialFilter> adminCredentialFilter(AdminProperties properties,
            @Value("${management.endpoints.web.base-path:/actuator}") String actuatorBasePath,
            ProblemResponseWriter problemResponseWriter) {
        var filter = new AdminCredentialFilter(new AdminOperations(properties, actuatorBasePath),
                new AdminKeys(properties.keySha256()), problemResponseWriter);
        var registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    @ConditionalOnBean(HealthEndpoint.class)
    HealthController healthController(HealthEndpoint healthEndpoint,
            @Value("${spring.application.name:application}") String serviceName) {
        return new HealthController(healthEndpoint, serviceName);
    }
}
