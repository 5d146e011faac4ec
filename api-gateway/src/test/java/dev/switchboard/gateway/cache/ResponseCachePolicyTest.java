package dev.switchboard.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.util.unit.DataSize;

class ResponseCachePolicyTest {

    private final ResponseCachePolicy policy = new ResponseCachePolicy(properties(Duration.ofSeconds(30)));

    @Test
    void directivesAreParsedOneByOne() {
        CacheDirectives directives = CacheDirectives.parse(List.of("no-cache, NO-STORE", "max-age=\"12\", s-maxage=5"));

        assertThat(directives.noCache()).isTrue();
        assertThat(directives.noStore()).isTrue();
        assertThat(directives.isPrivate()).isFalse();
        assertThat(directives.sharedFreshness()).hasValue(Duration.ofSeconds(5));
    }

    @Test
    void plainOkResponsesAreKeptForTheConfiguredTtlOrTheBackendsShorterAge() {
        assertThat(policy.storableFor(HttpStatus.OK, new HttpHeaders())).hasValue(Duration.ofSeconds(30));
        assertThat(policy.storableFor(HttpStatus.OK, headers("Cache-Control", "public, max-age=7"))).hasValue(Duration.ofSeconds(7));
        assertThat(policy.storableFor(HttpStatus.OK, headers("Cache-Control", "max-age=600"))).hasValue(Duration.ofSeconds(30));
        assertThat(policy.storableFor(HttpStatus.OK, headers("Vary", "Accept-Encoding"))).isPresent();
    }

    @Test
    void responsesThatMustNotBeSharedAreNotKept() {
        assertThat(policy.storableFor(HttpStatus.NOT_FOUND, new HttpHeaders())).isEmpty();
        assertThat(policy.storableFor(null, new HttpHeaders())).isEmpty();
        for (String cacheControl : List.of("no-store", "private", "no-cache", "max-age=0", "public, private",
                "no-cache, no-store, max-age=0, must-revalidate")) {
            assertThat(policy.storableFor(HttpStatus.OK, headers("Cache-Control", cacheControl))).as(cacheControl).isEmpty();
        }
        assertThat(policy.storableFor(HttpStatus.OK, headers("Set-Cookie", "session=1"))).isEmpty();
        assertThat(policy.storableFor(HttpStatus.OK, headers("Vary", "Authorization"))).isEmpty();
    }

    @Test
    void pragmaAndZeroMaxAgeFromClientsMeanNoCache() {
        assertThat(policy.clientDirectives(MockServerHttpRequest.get("/x").header("Pragma", "no-cache").build()).noCache()).isTrue();
        assertThat(policy.clientDirectives(MockServerHttpRequest.get("/x").header("Cache-Control", "max-age=0").build()).noCache()).isTrue();
        assertThat(policy.clientDirectives(MockServerHttpRequest.get("/x").build()).noCache()).isFalse();
    }

    @Test
    void nonsensicalBoundsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> properties(Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> new ResponseCacheProperties(true, List.of(), List.of(),
                Duration.ofSeconds(1), DataSize.ofKilobytes(1), DataSize.ofMegabytes(1), true));
    }

    private static ResponseCacheProperties properties(Duration ttl) {
        return new ResponseCacheProperties(true, List.of(), List.of("/**"), ttl, DataSize.ofMegabytes(8),
                DataSize.ofMegabytes(1), true);
    }

    private static HttpHeaders headers(String name, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(name, value);
        return headers;
    }
}
