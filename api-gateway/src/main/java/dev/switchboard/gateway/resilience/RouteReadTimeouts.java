package dev.switchboard.gateway.resilience;

import java.time.Duration;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import reactor.netty.http.client.HttpClient;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Applies the route's timeout to every wait for the backend's next bytes, the response body included, as nginx's
 * {@code proxy_read_timeout} does. {@link RouteTimeLimitGatewayFilterFactory} bounds the wait for the response
 * headers, but Spring Cloud Gateway streams the body after the route's filters have finished, so a backend that stalls
 * mid-body would otherwise hold the client until it closes the connection. The route's filter puts its limit into the
 * Reactor context of the proxied call; this customizer of the gateway's {@link HttpClient} reads it for each request
 * and sets Reactor Netty's response timeout (a read timeout on the connection until the response is complete).
 */
class RouteReadTimeouts implements HttpClientCustomizer {

    private static final String CONTEXT_KEY = RouteReadTimeouts.class.getName();

    /** The context a route's filter writes: built once per route. */
    static Context contextOf(Duration limit) {
        return Context.of(CONTEXT_KEY, limit);
    }

    @Override
    public HttpClient customize(HttpClient httpClient) {
        return httpClient.doOnRequest((request, connection) -> {
            ContextView context = request.currentContextView();
            if (context.hasKey(CONTEXT_KEY)) {
                request.responseTimeout(context.get(CONTEXT_KEY));
            }
        });
    }
}
