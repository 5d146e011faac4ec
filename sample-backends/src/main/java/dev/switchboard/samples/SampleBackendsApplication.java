package dev.switchboard.samples;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Stand-ins for the user's Python and R backends. One role per instance, chosen by profile or by
 * {@code --role=}: {@code vector-api} (port 8000), {@code analytics-api} (8001) or {@code etl-api} (8002); only
 * that role's beans are created (see {@code dev.switchboard.samples.role}). Every role also has faults on demand
 * ({@code fault}) and optional Eureka registration over REST ({@code registration}).
 */
@SpringBootApplication
public class SampleBackendsApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleBackendsApplication.class, args);
    }
}
