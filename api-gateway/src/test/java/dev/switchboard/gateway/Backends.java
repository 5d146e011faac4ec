package dev.switchboard.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** WireMock stand-ins for the gateway's backends. */
final class Backends {

    private Backends() {
    }

    static WireMockExtension backend() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().containerThreads(20)).build();
    }

    /** Makes {@code backend} healthy and answer every other request with a JSON body naming it. */
    static void answerAsItself(WireMockExtension backend, String name) {
        backend.resetAll();
        backend.stubFor(get(urlEqualTo("/health")).willReturn(okJson("{\"status\":\"UP\"}")));
        backend.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"backend\":\"" + name + "\"}")));
    }

    static String url(WireMockExtension backend) {
        return "http://localhost:" + backend.getPort();
    }
}
