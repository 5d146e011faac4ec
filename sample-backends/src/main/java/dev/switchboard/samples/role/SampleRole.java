package dev.switchboard.samples.role;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The three backends this application can stand in for; each role is a Spring profile of the same name. */
public enum SampleRole {
    VECTOR_API("vector-api"),
    ANALYTICS_API("analytics-api"),
    ETL_API("etl-api");

    private final String profile;

    SampleRole(String profile) {
        this.profile = profile;
    }

    public String profile() {
        return profile;
    }

    public static Optional<SampleRole> ofProfile(String name) {
        return Arrays.stream(values()).filter(role -> role.profile.equals(name)).findFirst();
    }

    public static List<String> profiles() {
        return Arrays.stream(values()).map(SampleRole::profile).toList();
    }
}
