package dev.switchboard.collector.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaticTargetSourceTest {

    @Test
    void eachCommaSeparatedUrlIsOneInstanceAndBlankMeansNone() {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("vector-api", " http://localhost:8000 , http://10.0.0.2:8000/ ");
        urls.put("etl-api", "");
        urls.put("analytics-api", "http://sim:9000/t/7");

        var targets = new StaticTargetSource(urls, "/health").targets();

        assertThat(targets).extracting(Target::key).containsExactly("vector-api/localhost:8000",
                "vector-api/10.0.0.2:8000", "analytics-api/sim:9000/t/7");
        assertThat(targets).extracting(t -> t.healthUrl().toString()).containsExactly(
                "http://localhost:8000/health", "http://10.0.0.2:8000/health", "http://sim:9000/t/7/health");
        assertThat(targets).allMatch(t -> t.origin() == Target.Origin.STATIC);
    }

    @Test
    void aBadUrlFailsAtStartUpNamingTheTarget() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StaticTargetSource(Map.of("etl-api", "localhost:8002"), "/health"))
                .withMessageContaining("etl-api").withMessageContaining("localhost:8002");
    }
}
