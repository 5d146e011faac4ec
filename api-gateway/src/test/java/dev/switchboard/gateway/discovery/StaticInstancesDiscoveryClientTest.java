package dev.switchboard.gateway.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.ServiceInstance;

class StaticInstancesDiscoveryClientTest {

    @Test
    void parsesCommaSeparatedUrlsTrimmedAndWithoutDuplicates() {
        var client = new StaticInstancesDiscoveryClient(Map.of("vector-api",
                " http://a:8000 ,http://b:9000,, http://a:8000", "etl-api", "https://etl.example"));

        assertThat(client.getInstances("vector-api").map(i -> i.getHost() + ":" + i.getPort()).collectList().block())
                .containsExactly("a:8000", "b:9000");
        ServiceInstance etl = client.getInstances("etl-api").blockFirst();
        assertThat(etl).isNotNull();
        assertThat(etl.getPort()).isEqualTo(443);
        assertThat(etl.isSecure()).isTrue();
        assertThat(etl.getServiceId()).isEqualTo("etl-api");
    }

    @Test
    void blankListsGiveNoInstancesAndUnknownServicesNone() {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("analytics-api", " ");
        var client = new StaticInstancesDiscoveryClient(urls);

        assertThat(client.getInstances("analytics-api").collectList().block()).isEmpty();
        assertThat(client.getInstances("nothing").collectList().block()).isEmpty();
        assertThat(client.getServices().collectList().block()).isEmpty();
    }

    @Test
    void rejectsWhatIsNotAnAbsoluteHttpUrl() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StaticInstancesDiscoveryClient(Map.of("x", "localhost:8000")))
                .withMessageContaining("'localhost:8000'").withMessageContaining("'x'");
        assertThatIllegalArgumentException().isThrownBy(() -> new StaticInstancesDiscoveryClient(Map.of("x", "ftp://h/")));
    }
}
