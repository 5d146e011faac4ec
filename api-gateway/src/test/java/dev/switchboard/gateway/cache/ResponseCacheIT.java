package dev.switchboard.gateway.cache;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.switchboard.gateway.support.EdgeTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on a real port in front of a WireMock backend: cached GETs are answered without reaching the
 * backend until their TTL passes; a client's no-cache goes to the backend; what a backend marks no-store or
 * private is never kept; callers do not see each other's entries.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "spring.cloud.gateway.server.webflux.routes[0].id=cached-route",
        "spring.cloud.gateway.server.webflux.routes[0].uri=${test.backend-url}",
        "spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/cached/**",
        "spring.cloud.gateway.server.webflux.routes[1].id=other-route",
        "spring.cloud.gateway.server.webflux.routes[1].uri=${test.backend-url}",
        "spring.cloud.gateway.server.webflux.routes[1].predicates[0]=Path=/by-path/**,/uncached/**",
        "switchboard.gateway.cache.routes=cached-route",
        "switchboard.gateway.cache.paths=/by-path/**",
        "switchboard.gateway.cache.ttl=2s",
        "switchboard.gateway.auth.api-key-digests=alice:" + ResponseCacheIT.ALICE_KEY_SHA256 })
class ResponseCacheIT {

    static final String ALICE_KEY = "alice-key";
    static final String ALICE_KEY_SHA256 = "72ee9d4355ccb9d3a4c9dbf37382e38e75c1b1a225b5bd1f729ee91bbda30c20";

    private static final WireMockServer backend = new WireMockServer(options().dynamicPort());

    static {
        backend.start();
        backend.stubFor(get(urlPathMatching("/(cached|by-path|uncached)/items/.*"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"items\":[1,2,3]}")));
        backend.stubFor(get(urlPathMatching("/cached/no-store/.*"))
                .willReturn(aResponse().withHeader("Cache-Control", "no-store").withBody("secret")));
        backend.stubFor(get(urlPathMatching("/cached/combined/.*")).willReturn(aResponse()
                .withHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate").withBody("secret")));
        backend.stubFor(get(urlPathMatching("/cached/private/.*"))
                .willReturn(aResponse().withHeader("Cache-Control", "private, max-age=60").withBody("mine")));
    }

    @DynamicPropertySource
    static void backendUrl(DynamicPropertyRegistry registry) {
        registry.add("test.backend-url", backend::baseUrl);
    }

    @AfterAll
    static void stopBackend() {
        backend.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meterRegistry;

    @Test
    void aCachedGetIsServedWithoutTheBackendUntilItsTtlPasses() {
        String path = "/cached/items/" + UUID.randomUUID() + "?q=vectors&k=5";

        HttpResponse<String> first = get(port, path);
        HttpResponse<String> second = get(port, path);

        assertThat(first.headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(second.body()).isEqualTo(first.body()).isEqualTo("{\"items\":[1,2,3]}");
        assertThat(second.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(second.headers().firstValue("Age")).isPresent();
        backend.verify(1, getRequestedFor(urlEqualTo(path)));

        await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(get(port, path).headers().firstValue("X-Cache")).hasValue("MISS"));
        backend.verify(2, getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void pathPatternsSelectCachedRequestsAndTheQueryIsPartOfTheKey() {
        String path = "/by-path/items/" + UUID.randomUUID();

        get(port, path + "?page=1");
        assertThat(get(port, path + "?page=1").headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(get(port, path + "?page=2").headers().firstValue("X-Cache")).hasValue("MISS");

        String uncached = "/uncached/items/" + UUID.randomUUID();
        get(port, uncached);
        HttpResponse<String> again = get(port, uncached);
        assertThat(again.headers().firstValue("X-Cache")).isEmpty();
        backend.verify(2, getRequestedFor(urlEqualTo(uncached)));
    }

    @Test
    void clientNoCacheGoesToTheBackendAndRefreshesTheEntry() {
        String path = "/cached/items/" + UUID.randomUUID();
        get(port, path);

        HttpResponse<String> refreshed = get(port, path, "Cache-Control", "no-cache");
        HttpResponse<String> notStored = get(port, path + "?x", "Cache-Control", "no-store");

        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(refreshed.headers().firstValue("X-Cache")).hasValue("MISS");
        backend.verify(2, getRequestedFor(urlEqualTo(path)));
        assertThat(get(port, path).headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(notStored.headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(get(port, path + "?x").headers().firstValue("X-Cache")).hasValue("MISS");
    }

    @Test
    void backendNoStoreAndPrivateResponsesAreNeverKept() {
        for (String kind : new String[] { "no-store", "combined", "private" }) {
            String path = "/cached/" + kind + "/" + UUID.randomUUID();

            get(port, path);
            HttpResponse<String> second = get(port, path);

            assertThat(second.headers().firstValue("X-Cache")).as(kind).hasValue("MISS");
            backend.verify(2, getRequestedFor(urlEqualTo(path)));
        }
    }

    @Test
    void callersDoNotShareEntries() {
        String path = "/cached/items/" + UUID.randomUUID();

        get(port, path, "X-API-Key", ALICE_KEY);
        HttpResponse<String> anonymous = get(port, path);
        HttpResponse<String> alice = get(port, path, "X-API-Key", ALICE_KEY);

        assertThat(anonymous.headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(alice.headers().firstValue("X-Cache")).hasValue("HIT");
    }

    @Test
    void hitsAndMissesAreCounted() {
        double hitsBefore = count("hit");
        double missesBefore = count("miss");
        String path = "/cached/items/" + UUID.randomUUID();

        get(port, path);
        get(port, path);
        get(port, path);

        assertThat(count("miss") - missesBefore).isEqualTo(1);
        assertThat(count("hit") - hitsBefore).isEqualTo(2);
        assertThat(meterRegistry.get("cache.gets").tag("cache", "gateway.responses").tag("result", "hit").functionCounter()
                .count()).isGreaterThanOrEqualTo(2);
    }

    private double count(String result) {
        return meterRegistry.get("gateway.cache.requests").tag("result", result).counter().count();
    }
}
