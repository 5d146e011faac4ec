package dev.switchboard.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.security.EdgeHeaders;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ClientKeyResolverTest {

    private final MockServerHttpRequest.BaseBuilder<?> fromPeer = MockServerHttpRequest.get("/api/v1/stats")
            .remoteAddress(new InetSocketAddress("192.0.2.7", 40000));

    @Test
    void authenticatedCallerWinsThenADigestOfTheKeyThenTheAddress() {
        var resolver = new ClientKeyResolver("X-API-Key", false);
        MockServerWebExchange authenticated = MockServerWebExchange.from(fromPeer.header("X-API-Key", "k1"));
        authenticated.getAttributes().put(EdgeHeaders.PRINCIPAL_ATTRIBUTE, "api-key:reporting");
        assertThat(resolver.resolve(authenticated)).isEqualTo("principal:api-key:reporting");
        assertThat(resolver.resolve(MockServerWebExchange.from(fromPeer.header("X-API-Key", " k1 "))))
                .isEqualTo("key:6ab9f1eb8f7d3388f4f9d586f66e99fd54080df2c446f0e58668b09c08a16dd0");
    }

    @Test
    void withoutKeyTheClientIsItsPeerAddressUnlessForwardedForIsTrusted() {
        var request = fromPeer.header("X-Forwarded-For", "203.0.113.9, 10.0.0.1");
        assertThat(new ClientKeyResolver("X-API-Key", false).resolve(MockServerWebExchange.from(request))).isEqualTo("ip:192.0.2.7");
        assertThat(new ClientKeyResolver("X-API-Key", true).resolve(MockServerWebExchange.from(request))).isEqualTo("ip:203.0.113.9");
    }

    @Test
    void blankHeaderNameMeansAddressOnlyAndKeysAreStoredAsDigests() {
        var withKey = fromPeer.header("X-API-Key", "k".repeat(1000));
        assertThat(new ClientKeyResolver("", false).resolve(MockServerWebExchange.from(withKey))).isEqualTo("ip:192.0.2.7");
        assertThat(new ClientKeyResolver("X-API-Key", false).resolve(MockServerWebExchange.from(withKey))).hasSize(68);
    }
}
