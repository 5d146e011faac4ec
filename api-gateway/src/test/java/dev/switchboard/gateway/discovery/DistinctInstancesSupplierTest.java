package dev.switchboard.gateway.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;

class DistinctInstancesSupplierTest {

    @Test
    void anInstanceKnownFromEurekaAndFromItsUrlIsListedOnce() {
        ServiceInstance configured = new DefaultServiceInstance("vector-api@host:8000", "vector-api", "host", 8000, false);
        ServiceInstance registered = new DefaultServiceInstance("host:vector-api:8000", "vector-api", "HOST", 8000, false);
        ServiceInstance other = new DefaultServiceInstance("vector-api@host:8001", "vector-api", "host", 8001, false);

        assertThat(DistinctInstancesSupplier.distinct(List.of(configured, registered, other))).containsExactly(configured, other);
    }
}
