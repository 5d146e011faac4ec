package dev.switchboard.samples.analytics;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The analytics-api role's settings, bound only when its profile is active (its controller carries the same profile). */
@Configuration(proxyBeanMethods = false)
@Profile("analytics-api")
@EnableConfigurationProperties(AnalyticsProperties.class)
class AnalyticsApiConfiguration {
}
