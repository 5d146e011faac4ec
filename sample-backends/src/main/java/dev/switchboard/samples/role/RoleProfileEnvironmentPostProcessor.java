package dev.switchboard.samples.role;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Lets {@code --role=vector-api} (or {@code switchboard.sample.role}, env {@code SWITCHBOARD_SAMPLE_ROLE}) pick
 * the role instead of a profile. It runs before configuration files are read, so that the role's profile
 * document in {@code application.yml} (its port and name) applies exactly as if the profile had been set.
 */
class RoleProfileEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String ROLE_ARGUMENT = "role";
    static final String ROLE_PROPERTY = "switchboard.sample.role";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String role = environment.getProperty(ROLE_ARGUMENT, environment.getProperty(ROLE_PROPERTY, ""));
        if (!StringUtils.hasText(role)) {
            return;
        }
        String profile = role.strip();
        if (SampleRole.ofProfile(profile).isEmpty()) {
            throw new IllegalStateException("Unknown sample backend role '" + profile + "': choose one of "
                    + SampleRole.profiles());
        }
        environment.addActiveProfile(profile);
    }

    /** Before Boot's config data processing (HIGHEST_PRECEDENCE + 10), which decides the profile documents. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
