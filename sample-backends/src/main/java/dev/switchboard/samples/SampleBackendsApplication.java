package dev.switchboard.samples;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Stand-ins for the user's Python and R backends. The active profile picks the role: {@code vector-api}
 * (port 8000), {@code analytics-api} (8001) or {@code etl-api} (8002).
 */
@SpringBootApplication
public class SampleBackendsApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleBackendsApplication.class, args);
    }
}
