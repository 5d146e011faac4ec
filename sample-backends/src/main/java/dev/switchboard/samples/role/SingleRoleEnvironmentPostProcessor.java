package dev.switchboard.samples.role;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start without exactly one role: an instance with no role would serve nothing useful, and one with
 * two would mix ports and names. Runs after the configuration files, when the active profiles are final.
 */
class SingleRoleEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> roles = Arrays.stream(environment.getActiveProfiles())
                .filter(profile -> SampleRole.ofProfile(profile).isPresent())
                .distinct()
                .toList();
        if (roles.size() != 1) {
            throw new IllegalStateException("A sample backend runs exactly one role, but " + (roles.isEmpty()
                    ? "none was chosen" : "several were: " + roles) + ". Choose one with --role=<role> or "
                    + "SPRING_PROFILES_ACTIVE=<role>, where <role> is one of " + SampleRole.profiles());
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
