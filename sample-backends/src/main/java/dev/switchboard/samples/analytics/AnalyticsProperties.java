package dev.switchboard.samples.analytics;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the analytics-api stand-in.
 *
 * @param maxValues most numbers one parameter may list (the URL length limit of the server bounds it too)
 * @param maxBins most histogram bins a request may ask for
 */
@Validated
@ConfigurationProperties("switchboard.sample.analytics")
public record AnalyticsProperties(
        @DefaultValue("10000") @Min(1) int maxValues,
        @DefaultValue("100") @Min(1) @Max(10000) int maxBins) {
}
